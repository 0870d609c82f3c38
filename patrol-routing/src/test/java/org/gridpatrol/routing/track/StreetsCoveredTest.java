package org.gridpatrol.routing.track;

import com.graphhopper.routing.util.EncodingManager;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridpatrol.routing.track.LatticeNetwork.lat;
import static org.gridpatrol.routing.track.LatticeNetwork.lon;

/**
 * Street coverage on the lattice. The grid spans columns 0.6–3.4 and rows 1.6–2.4: the only street
 * middles inside are those of row 2 between columns 1–2 and 2–3 (200 m). Expected figures follow from
 * the lattice's 100 m spacing.
 */
class StreetsCoveredTest {

    private static final GraphRoadNetwork NETWORK = LatticeNetwork.build();

    private static Geometry wkt(String format, double... lonLat) throws Exception {
        Object[] values = new Object[lonLat.length];
        for (int i = 0; i < lonLat.length; i++) {
            values[i] = lonLat[i];
        }
        return new WKTReader().read(String.format(Locale.ROOT, format, values));
    }

    private static StreetsCovered.Result covered(Geometry... lines) throws Exception {
        Geometry grid = wkt("POLYGON((%.9f %.9f, %.9f %.9f, %.9f %.9f, %.9f %.9f, %.9f %.9f))",
                lon(0.6), lat(1.6), lon(3.4), lat(1.6), lon(3.4), lat(2.4), lon(0.6), lat(2.4), lon(0.6), lat(1.6));
        return StreetsCovered.of(NETWORK.graphForTests(), NETWORK.indexForTests(), EdgeAccess.everything(), grid, List.of(lines));
    }

    @Test
    void aStreetWalkedWhollyCountsOneWalkedHalfDoesNot() throws Exception {
        StreetsCovered.Result result = covered(wkt("MULTILINESTRING((%.9f %.9f, %.9f %.9f))", lon(0), lat(2), lon(2.5), lat(2)));
        assertThat(result.streets()).isEqualTo(2);
        assertThat(result.streetMeters()).isCloseTo(200, within(1.0));
        assertThat(result.coveredStreets()).isEqualTo(1);
        assertThat(result.coveredMeters()).isCloseTo(100, within(1.0));
        assertThat(result.share()).isCloseTo(0.5, within(0.01));
    }

    @Test
    void eightyFivePercentCountsAndAParallelStreetDoesNot() throws Exception {
        assertThat(covered(wkt("MULTILINESTRING((%.9f %.9f, %.9f %.9f))", lon(1), lat(2), lon(2.85), lat(2))).coveredStreets()).isEqualTo(2);
        assertThat(covered(wkt("MULTILINESTRING((%.9f %.9f, %.9f %.9f))", lon(0), lat(3), lon(4), lat(3))).coveredStreets()).isZero();
        assertThat(covered().share()).isZero();
    }
}
