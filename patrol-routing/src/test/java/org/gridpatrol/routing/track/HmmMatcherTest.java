package org.gridpatrol.routing.track;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridpatrol.routing.track.LatticeNetwork.lat;
import static org.gridpatrol.routing.track.LatticeNetwork.lon;

/**
 * The matcher on the synthetic lattice ({@link LatticeNetwork}): expected lines are written as WKT
 * from the lattice's own coordinates, never from the matcher.
 */
class HmmMatcherTest {

    private static GraphRoadNetwork network;
    private static final double ONE_METER_IN_DEGREES = 1 / 111_195.0;

    @BeforeAll
    static void lattice() {
        network = LatticeNetwork.build();
    }

    private static MatchedTrack match(List<Fix> fixes) {
        return new HmmMatcher(network, MatchSettings.defaults()).match(fixes);
    }

    /** Fixes every {@code step} of a column along row {@code row}, from column {@code from} to {@code to}, north of it by {@code offsetRows}. */
    private static List<Fix> alongRow(double row, double from, double to, double step, double time) {
        List<Fix> fixes = new ArrayList<>();
        for (double c = from; c <= to + 1e-9; c += step) {
            fixes.add(new Fix(lon(c), lat(row), time));
            time += 10;
        }
        return fixes;
    }

    private static String line(double[]... rowColumn) {
        StringBuilder wkt = new StringBuilder("LINESTRING(");
        for (int i = 0; i < rowColumn.length; i++) {
            wkt.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.9f %.9f", lon(rowColumn[i][1]), lat(rowColumn[i][0])));
        }
        return wkt.append(')').toString();
    }

    private static void assertNear(String actualWkt, String expectedWkt) throws Exception {
        Geometry actual = new WKTReader().read(actualWkt);
        Geometry expected = new WKTReader().read(expectedWkt);
        assertThat(DiscreteHausdorffDistance.distance(actual, expected)).isLessThan(ONE_METER_IN_DEGREES);
    }

    @Test
    void exactFixesAlongAStreetAndRoundACornerGiveThatPath() throws Exception {
        List<Fix> fixes = alongRow(2, 0.1, 3.0, 0.5, 0);
        fixes.add(new Fix(lon(3), lat(2.5), 100));
        fixes.add(new Fix(lon(3), lat(3.4), 110));
        MatchedTrack matched = match(fixes);
        assertThat(matched.lines()).hasSize(1);
        assertThat(matched.breaks()).isZero();
        assertNear(matched.wkt(), "MULTILINESTRING((" + line(new double[] {2, 0.1}, new double[] {2, 3}, new double[] {3.4, 3})
                .substring("LINESTRING(".length()) + ")");
        assertThat(matched.lengthMeters()).isCloseTo(290 + 140, org.assertj.core.data.Offset.offset(2.0));
    }

    @Test
    void anOutlierNearerTheParallelStreetStaysOnTheStreetDriven() throws Exception {
        List<Fix> fixes = alongRow(2, 0.2, 3.8, 0.6, 0);
        // the fix at column 1.4 lies 55 m north of row 2: 45 m from row 3 and 40 m from column 1, so
        // nearest-road snapping leaves row 2
        fixes.set(2, new Fix(fixes.get(2).lon(), lat(2.55), fixes.get(2).epochSeconds()));
        RoadPosition nearest = network.near(fixes.get(2).lon(), fixes.get(2).lat(), 60, 1).get(0);
        assertThat(nearest.distanceMeters()).isLessThan(50);
        assertThat(Math.abs(nearest.lat() - lat(2))).isGreaterThan(30 / 111_195.0);
        MatchedTrack matched = match(fixes);
        assertNear(matched.wkt(), "MULTILINESTRING((" + line(new double[] {2, 0.2}, new double[] {2, 3.8}).substring("LINESTRING(".length()) + ")");
    }

    @Test
    void aFixFarFromEveryRoadBreaksTheChain() {
        List<Fix> fixes = alongRow(1, 0.2, 1.8, 0.4, 0);
        fixes.add(new Fix(lon(10), lat(10), 60)); // 1 km from the lattice: no candidate
        fixes.addAll(alongRow(3, 0.2, 1.8, 0.4, 120));
        MatchedTrack matched = match(fixes);
        assertThat(matched.droppedFixes()).isEqualTo(1);
        assertThat(matched.breaks()).isEqualTo(1);
        assertThat(matched.lines()).hasSize(2);
    }

    @Test
    void aJumpToAStreetNoRouteReachesBreaksTheChainAndStartsAgainThere() {
        List<Fix> fixes = alongRow(2, 0.2, 1.8, 0.4, 0);
        fixes.addAll(alongRow(2, 20.1, 20.9, 0.4, 200)); // the island street, joined to nothing
        MatchedTrack matched = match(fixes);
        assertThat(matched.breaks()).isEqualTo(1);
        assertThat(matched.lines()).hasSize(2);
        assertThat(matched.lines().get(1).get(0).lon()).isGreaterThan(lon(20));
    }

    @Test
    void fixesCloserThanFourSigmaToTheLastUsedAreLeftOutButTheLastIsKept() {
        List<Fix> fixes = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // 40 fixes 1 m apart, then one 39 m further on
            fixes.add(new Fix(lon(i / 100.0), lat(2), i));
        }
        fixes.add(new Fix(lon(0.78), lat(2), 60));
        MatchedTrack matched = match(fixes);
        assertThat(matched.usedFixes()).isEqualTo(2);
        assertThat(matched.lengthMeters()).isCloseTo(78, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void noFixesNoLines() {
        assertThat(match(List.of()).lines()).isEmpty();
        assertThat(match(List.of()).wkt()).isNull();
    }
}
