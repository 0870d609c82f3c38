package org.gridpatrol.geo.crs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * EPSG systems through proj4j, checked against GDAL. The expected values were computed once on the
 * development machine (2026-12-04, GDAL 3.6.2 with PROJ from Debian 12) with
 * {@code echo "LON LAT" | gdaltransform -s_srs EPSG:4490 -t_srs EPSG:CODE -output_xy}
 * ({@code -s_srs EPSG:4326} for UTM 32650), which prints easting then northing.
 */
class EpsgSystemTest {

    @ParameterizedTest(name = "EPSG:{0} at ({1}, {2})")
    @CsvSource({
            // code, lon, lat, easting, northing (gdaltransform)
            "4549, 118.87, 28.97, 389858.437941229, 3206470.36494473",   // CGCS2000 3° GK CM 120E (Quzhou)
            "4547, 114.3, 30.6, 528770.23725568, 3386666.25056236",      // CGCS2000 3° GK CM 114E (Wuhan)
            "4554, 134.3, 48.36, 448126.86694203, 5358694.18859327",     // CGCS2000 3° GK CM 135E (Fuyuan)
            "4527, 117.2, 31.8, 39518939.5532491, 3519692.84083394",     // CGCS2000 3° GK zone 39, zone prefix (Hefei)
            "4491, 75.99, 39.47, 13585190.7034194, 4371151.24946612",    // CGCS2000 6° GK zone 13, zone prefix (Kashgar)
            "4502, 75.99, 39.47, 585190.703419366, 4371151.24946612",    // CGCS2000 6° GK CM 75E (Kashgar)
            "32650, 116.39, 39.91, 447862.111557181, 4417946.24769047",  // WGS84 / UTM 50N (Beijing)
    })
    void projectsLikeGdal(int code, double lon, double lat, double easting, double northing) {
        CoordinateSystem system = CoordinateSystem.of("EPSG:" + code);

        Coordinate projected = system.fromWgs84(new Coordinate(lon, lat));
        assertThat(projected.x).isCloseTo(easting, within(0.01));
        assertThat(projected.y).isCloseTo(northing, within(0.01));

        Coordinate back = system.toWgs84(new Coordinate(easting, northing));
        assertThat(back.x).isCloseTo(lon, within(1e-7));
        assertThat(back.y).isCloseTo(lat, within(1e-7));
    }

    @Test
    void geographicSystemsKeepLongitudeFirst() {
        Coordinate cgcs = CoordinateSystem.of("CGCS2000").fromWgs84(new Coordinate(118.87, 28.97));

        assertThat(cgcs.x).isCloseTo(118.87, within(1e-6));
        assertThat(cgcs.y).isCloseTo(28.97, within(1e-6));
        assertThat(CoordinateSystem.of("EPSG:4490").id()).isEqualTo("EPSG:4490");
        assertThat(CoordinateSystem.of("wgs84").toWgs84(new Coordinate(1.52, 42.51))).isEqualTo(new Coordinate(1.52, 42.51));
    }

    @Test
    void namesAreReadInTheirCommonSpellings() {
        assertThat(CoordinateSystem.of("4549").id()).isEqualTo("EPSG:4549");
        assertThat(CoordinateSystem.of(" epsg:32650 ").id()).isEqualTo("EPSG:32650");
        assertThat(CoordinateSystem.of("WGS 84").id()).isEqualTo("EPSG:4326");
        assertThat(CoordinateSystem.of("gcj02").id()).isEqualTo("GCJ-02");
        assertThat(CoordinateSystem.of("GCJ").id()).isEqualTo("GCJ-02");
        assertThat(CoordinateSystem.of("Baidu").id()).isEqualTo("BD-09");
        assertThat(CoordinateSystem.of("bd09").id()).isEqualTo("BD-09");
    }

    @Test
    void unknownSystemsAreRefusedByName() {
        assertThatThrownBy(() -> CoordinateSystem.of("EPSG:999999"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EPSG:999999");
        assertThatThrownBy(() -> CoordinateSystem.of("Xian80"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Xian80");
        assertThatThrownBy(() -> CoordinateSystem.of(""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
