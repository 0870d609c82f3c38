package org.gridpatrol.geo.crs;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VertexConversionTest {

    private static Geometry wkt(String text) throws Exception {
        return new WKTReader().read(text);
    }

    @Test
    void everyVertexOfAPolygonWithAHoleIsConvertedAsItsPositionIs() throws Exception {
        CoordinateSystem gcj = CoordinateSystem.of("GCJ-02");
        Geometry wgs84 = wkt("POLYGON ((118.86 28.94, 118.90 28.94, 118.90 28.98, 118.86 28.98, 118.86 28.94),"
                + " (118.87 28.95, 118.88 28.95, 118.88 28.96, 118.87 28.95))");
        Geometry converted = gcj.fromWgs84(wgs84);
        Coordinate[] in = wgs84.getCoordinates();
        Coordinate[] out = converted.getCoordinates();
        assertThat(out).hasSameSizeAs(in);
        for (int i = 0; i < in.length; i++) {
            Coordinate expected = gcj.fromWgs84(in[i]);
            assertThat(out[i].x).isEqualTo(expected.x);
            assertThat(out[i].y).isEqualTo(expected.y);
            assertThat(out[i].distance(in[i])).as("GCJ-02 moves a point in Quzhou by some hundred metres").isGreaterThan(1e-4);
        }
        assertThat(converted.getEnvelopeInternal()).isNotEqualTo(wgs84.getEnvelopeInternal()); // cached envelope refreshed
        assertThat(wgs84.getCoordinates()[0]).isEqualTo(new Coordinate(118.86, 28.94)); // the input is left alone
    }

    @Test
    void aRoundTripGivesTheGeometryBack() throws Exception {
        CoordinateSystem bd = CoordinateSystem.of("BD-09");
        Geometry wgs84 = wkt("MULTILINESTRING ((116.39 39.90, 116.41 39.92), (121.47 31.23, 121.50 31.25, 121.52 31.22))");
        Geometry back = bd.toWgs84(bd.fromWgs84(wgs84));
        Coordinate[] in = wgs84.getCoordinates();
        Coordinate[] out = back.getCoordinates();
        for (int i = 0; i < in.length; i++) {
            assertThat(out[i].x).isCloseTo(in[i].x, within(1e-8));
            assertThat(out[i].y).isCloseTo(in[i].y, within(1e-8));
        }
    }
}
