package org.gridpatrol.routing.patrol;

import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.Instruction;
import com.graphhopper.util.PointList;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.route.RoutedPath;
import org.gridpatrol.routing.testing.AndorraGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.WKTReader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gridpatrol.routing.testing.AndorraGraph.*;

/**
 * Street-coverage routes end to end (grid streets, postman tour, road line) on the Andorra graph.
 * The required streets are found here again straight from GraphHopper's edges — every segment the
 * mode may use whose middle lies in the grid — and the route is checked against them.
 *
 * <pre>
 *   1.5170,42.5085 +---------------------+ 1.5245,42.5085
 *                  |   old town          |
 *                  |      * Plaça del    |     about 600 m × 450 m
 *                  |        Poble (base) |
 *   1.5170,42.5045 +---------------------+ 1.5245,42.5045
 * </pre>
 */
class PatrolCoverageIT {

    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");
    private static final String GRID = "POLYGON((1.5170 42.5045, 1.5245 42.5045, 1.5245 42.5085, 1.5170 42.5085, 1.5170 42.5045))";
    /** 200 m around the summit of Coma Pedrosa: no road. */
    private static final String SUMMIT = "POLYGON((1.4428 42.5908, 1.4452 42.5908, 1.4452 42.5926, 1.4428 42.5926, 1.4428 42.5908))";
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final RoutingGraph graph = AndorraGraph.get();

    private static Geometry wkt(String text) throws Exception {
        return new WKTReader().read(text);
    }

    /** A street segment inside the grid: its middle and its length in whole metres. */
    private record Street(Coordinate middle, long meters) {
    }

    /** Every segment the mode may use in some direction whose middle (half its length along the line) lies in the grid. */
    private List<Street> streetsInside(TravelMode mode, Geometry grid) {
        Weighting weighting = graph.weighting(mode);
        List<Street> streets = new ArrayList<>();
        AllEdgesIterator edge = graph.hopper().getBaseGraph().getAllEdges();
        while (edge.next()) {
            if (!Double.isFinite(weighting.calcEdgeWeight(edge, false)) && !Double.isFinite(weighting.calcEdgeWeight(edge, true))) {
                continue;
            }
            Coordinate middle = middle(edge.fetchWayGeometry(FetchMode.ALL));
            if (grid.contains(GEOMETRY.createPoint(middle))) {
                streets.add(new Street(middle, Math.round(edge.getDistance())));
            }
        }
        return streets;
    }

    private static Coordinate middle(PointList points) {
        double total = 0;
        for (int i = 1; i < points.size(); i++) {
            total += Math.hypot(points.getLon(i) - points.getLon(i - 1), points.getLat(i) - points.getLat(i - 1));
        }
        double left = total / 2;
        for (int i = 1; i < points.size(); i++) {
            double step = Math.hypot(points.getLon(i) - points.getLon(i - 1), points.getLat(i) - points.getLat(i - 1));
            if (step >= left && step > 0) {
                double f = left / step;
                return new Coordinate(points.getLon(i - 1) + f * (points.getLon(i) - points.getLon(i - 1)),
                        points.getLat(i - 1) + f * (points.getLat(i) - points.getLat(i - 1)));
            }
            left -= step;
        }
        return new Coordinate(points.getLon(0), points.getLat(0));
    }

    private static double haversine(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
    }

    @ParameterizedTest
    @EnumSource(value = TravelMode.class, names = {"FOOT", "CAR"})
    void theRouteTravelsEveryStreetOfTheGridAndReturnsToTheBase(TravelMode mode) throws Exception {
        Geometry grid = wkt(GRID);
        PatrolCoverageResult result = PatrolCoverage.plan(graph,
                new CoverageRequest(mode, "grid 7", grid, PLACA_DEL_POBLE, START));
        List<Street> inside = streetsInside(mode, grid);
        long insideMeters = inside.stream().mapToLong(Street::meters).sum();
        assertThat(inside).hasSizeGreaterThan(10);

        // the required streets are those inside, less what no closed route from the base can drive
        assertThat(result.requiredMeters() + result.unreachableMeters()).isCloseTo(insideMeters, within(0.5));
        assertThat(result.requiredSegments()).isBetween(1, inside.size());
        if (mode == TravelMode.FOOT) {
            assertThat(result.unreachableMeters()).isZero();
            assertThat(result.requiredSegments()).isEqualTo(inside.size());
        }

        // every street inside lies on the route, up to the unreachable ones
        RoutedPath path = result.path();
        List<GeoPoint> line = path.geometry();
        LineString route = GEOMETRY.createLineString(line.stream().map(p -> new Coordinate(p.lon(), p.lat()))
                .toArray(Coordinate[]::new));
        long missedMeters = inside.stream().filter(s -> route.distance(GEOMETRY.createPoint(s.middle())) > 1e-7)
                .mapToLong(Street::meters).sum();
        assertThat((double) missedMeters).isLessThanOrEqualTo(result.unreachableMeters());

        // closed, from and back to the street node nearest the base
        assertThat(line.get(0)).isEqualTo(line.get(line.size() - 1));
        assertThat(haversine(PLACA_DEL_POBLE, line.get(0))).isCloseTo(result.baseSnapMeters(), within(0.5));
        assertThat(result.baseSnapMeters()).isLessThan(150);

        // at least the streets themselves; the extra is the deadheading; the line is as long as it says
        assertThat(path.distanceMeters()).isGreaterThanOrEqualTo(insideMeters - result.unreachableMeters());
        assertThat(path.distanceMeters()).isEqualTo((double) (result.requiredMeters() + result.deadheadMeters()));
        double lineMeters = 0;
        for (int i = 1; i < line.size(); i++) {
            lineMeters += haversine(line.get(i - 1), line.get(i));
        }
        assertThat(lineMeters).isCloseTo(path.distanceMeters(), within(path.distanceMeters() * 0.01));

        assertThat(result.durationSeconds()).isPositive();
        assertThat(path.durationSeconds()).isEqualTo((double) result.durationSeconds());
        if (mode == TravelMode.FOOT) {
            // walking pace, about 5 km/h
            assertThat(path.distanceMeters() / result.durationSeconds()).isBetween(0.9, 1.8);
        }
        assertThat(path.instructions().get(path.instructions().size() - 1).sign()).isEqualTo(Instruction.FINISH);
    }

    @Test
    void aBaseFarFromTheGridsStreetsIsRefused() throws Exception {
        // Canillo lies about 8 km up the valley from the grid
        CoverageRequest request = new CoverageRequest(TravelMode.FOOT, "grid 7", wkt(GRID), CANILLO, START);
        assertThatThrownBy(() -> PatrolCoverage.plan(graph, request))
                .isInstanceOfSatisfying(CoverageRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CoverageRefusedException.Reason.BASE_TOO_FAR);
                    assertThat(e.getMessage()).matches("lies \\d+ m from the streets of grid 7 \\(at most 1000 m\\)");
                    long meters = Long.parseLong(e.getMessage().split(" ")[1]);
                    // the nearest street node may lie in the 300 m belt around the grid
                    assertThat((double) meters).isGreaterThan(haversine(CANILLO, PLACA_DEL_POBLE) - 1000);
                });
    }

    @Test
    void aGridWithoutStreetsIsRefused() throws Exception {
        CoverageRequest request = new CoverageRequest(TravelMode.CAR, "grid 8", wkt(SUMMIT), COMA_PEDROSA, START);
        assertThatThrownBy(() -> PatrolCoverage.plan(graph, request))
                .isInstanceOfSatisfying(CoverageRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CoverageRefusedException.Reason.NO_STREETS);
                    assertThat(e.getMessage()).isEqualTo("the grid holds no street usable by car");
                });
    }
}
