package org.gridpatrol.web.export;

import org.gridpatrol.geo.crs.CoordinateSystem;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * WKT in, WKT out. Expected GCJ-02 positions are from the npm package gcoord 1.0.7 (an independent
 * implementation of the published GCJ-02 formula): {@code gcoord.transform([lon, lat], WGS84, GCJ02)}.
 */
class CoordinateConversionTest {

    private static final WKTReader WKT = new WKTReader();

    @Test
    void wgs84PassesUnchanged() throws Exception {
        Geometry point = WKT.read("POINT (116.397428 39.90923)");
        assertThat(new CoordinateConversion(null).apply(point)).isSameAs(point);
    }

    @Test
    void aPointInBeijingMovesByTheGcj02Offset() throws Exception {
        Geometry wgs84 = WKT.read("POINT (116.397428 39.90923)");
        Geometry gcj02 = new CoordinateConversion(CoordinateSystem.of("GCJ-02")).apply(wgs84);
        assertThat(gcj02.getCoordinate().x).isCloseTo(116.40367162595768, within(1e-6));
        assertThat(gcj02.getCoordinate().y).isCloseTo(39.91063350638631, within(1e-6));
        assertThat(wgs84.getCoordinate()).isEqualTo(new Coordinate(116.397428, 39.90923)); // a copy was converted
    }

    @Test
    void everyVertexOfAPolygonInShanghaiMoves() throws Exception {
        Geometry wgs84 = WKT.read("POLYGON ((121.4737 31.2304, 121.4837 31.2304, 121.4837 31.2404, 121.4737 31.2304))");
        Geometry gcj02 = new CoordinateConversion(CoordinateSystem.of("gcj02")).apply(wgs84);
        Coordinate first = gcj02.getCoordinates()[0];
        assertThat(first.x).isCloseTo(121.47822305927693, within(1e-6));
        assertThat(first.y).isCloseTo(31.22845773757727, within(1e-6));
        Coordinate[] before = wgs84.getCoordinates();
        Coordinate[] after = gcj02.getCoordinates();
        for (int i = 0; i < before.length; i++) {
            assertThat(before[i].distance(after[i])).as("vertex " + i).isBetween(0.002, 0.01); // a few hundred metres
        }
        assertThat(gcj02.isValid()).isTrue();
    }

    @Test
    void outsideChinaGcj02IsWgs84() throws Exception {
        Geometry andorra = WKT.read("POINT (1.5218 42.5063)");
        Geometry gcj02 = new CoordinateConversion(CoordinateSystem.of("GCJ-02")).apply(andorra);
        assertThat(gcj02.getCoordinate().x).isEqualTo(1.5218);
        assertThat(gcj02.getCoordinate().y).isEqualTo(42.5063);
    }
}
