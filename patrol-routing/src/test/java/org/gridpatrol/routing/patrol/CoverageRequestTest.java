package org.gridpatrol.routing.patrol;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.TravelMode;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a coverage request refuses before any routing. */
class CoverageRequestTest {

    private static final GeoPoint BASE = new GeoPoint(1.5218, 42.5063);
    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

    private static Geometry wkt(String text) throws Exception {
        return new WKTReader().read(text);
    }

    @Test
    void aPolygonOrMultiPolygonIsAGrid() throws Exception {
        Geometry square = wkt("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))");
        assertThat(new CoverageRequest(TravelMode.FOOT, "grid 1", square, BASE, START).grid()).isEqualTo(square);
        assertThat(new CoverageRequest(TravelMode.CAR, "grid 2", wkt("MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)))"), BASE, START)
                .mode()).isEqualTo(TravelMode.CAR);
    }

    @Test
    void theGridMustBeANonEmptyPolygon() {
        assertThatThrownBy(() -> new CoverageRequest(TravelMode.FOOT, "grid 1", wkt("LINESTRING(0 0, 1 1)"), BASE, START))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LineString");
        assertThatThrownBy(() -> new CoverageRequest(TravelMode.FOOT, "grid 1", wkt("POLYGON EMPTY"), BASE, START))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-empty polygon");
    }

    @Test
    void everyFieldIsRequiredAndTheGridNamed() throws Exception {
        Geometry square = wkt("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))");
        assertThatThrownBy(() -> new CoverageRequest(null, "grid 1", square, BASE, START)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CoverageRequest(TravelMode.FOOT, null, square, BASE, START)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CoverageRequest(TravelMode.FOOT, "grid 1", null, BASE, START)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CoverageRequest(TravelMode.FOOT, "grid 1", square, null, START)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CoverageRequest(TravelMode.FOOT, "grid 1", square, BASE, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CoverageRequest(TravelMode.FOOT, " ", square, BASE, START))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gridName");
    }
}
