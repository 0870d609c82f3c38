package org.gridpatrol.geo.crs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * GCJ-02 and BD-09 against values published by other implementations (sources in each comment; only
 * the numbers were taken), and identity outside China.
 */
class ChineseOffsetsTest {

    private static final CoordinateSystem GCJ02 = CoordinateSystem.of("GCJ-02");
    private static final CoordinateSystem BD09 = CoordinateSystem.of("BD-09");

    @Test
    void forwardMatchesCoordtransformExample() {
        // github.com/wandergis/coordtransform, test/app.js: input (116.404, 39.915),
        // "wgs84togcj02: [ 116.41024449916938, 39.91640428150164 ]",
        // "gcj02tobd09: [ 116.41036949371029, 39.92133699351021 ]". Same closed formulas: equal to 1e-9°.
        Coordinate gcj = GCJ02.fromWgs84(new Coordinate(116.404, 39.915));
        assertThat(gcj.x).isCloseTo(116.41024449916938, within(1e-9));
        assertThat(gcj.y).isCloseTo(39.91640428150164, within(1e-9));

        Coordinate bd = Bd09.fromGcj02(new Coordinate(116.404, 39.915));
        assertThat(bd.x).isCloseTo(116.41036949371029, within(1e-9));
        assertThat(bd.y).isCloseTo(39.92133699351021, within(1e-9));
    }

    @Test
    void inversesAgreeWithCoordtransformsApproximationsAndAreExact() {
        // Same source: "gcj02towgs84: [ 116.39775550083061, 39.91359571849836 ]" and
        // "bd09togcj02: [ 116.39762729119315, 39.90865673957631 ]" are one-step approximations
        // (off by metres); ours iterate, so they agree to ~1e-5° and map forward exactly onto the input.
        Coordinate wgs = GCJ02.toWgs84(new Coordinate(116.404, 39.915));
        assertThat(wgs.x).isCloseTo(116.39775550083061, within(5e-5));
        assertThat(wgs.y).isCloseTo(39.91359571849836, within(5e-5));
        Coordinate forward = GCJ02.fromWgs84(wgs);
        assertThat(forward.x).isCloseTo(116.404, within(1e-9));
        assertThat(forward.y).isCloseTo(39.915, within(1e-9));

        Coordinate gcj = Bd09.toGcj02(new Coordinate(116.404, 39.915));
        assertThat(gcj.x).isCloseTo(116.39762729119315, within(2e-5));
        assertThat(gcj.y).isCloseTo(39.90865673957631, within(2e-5));
        Coordinate bd = Bd09.fromGcj02(gcj);
        assertThat(bd.x).isCloseTo(116.404, within(1e-9));
        assertThat(bd.y).isCloseTo(39.915, within(1e-9));
    }

    @ParameterizedTest(name = "WGS84 ({0}, {1}) is GCJ-02 ({2}, {3})")
    @CsvSource({
            // hexdocs.pm/evil_transform (EvilTransform.Convertor docs): wgstogcj of (31.280844, 120.596931)
            // gives "31.278648624428175, 120.60109998322247" (lat, lon there); its arithmetic differs from
            // the usual one by ~7e-8° (under 1 cm; npm gcoord 1.0.7 gives our value to the last digit)
            "120.596931, 31.280844, 120.60109998322247, 31.278648624428175, 1e-7",
            // rdrr.io caijun/geoChina wgs2gcj docs: Beijing railway station WGS-84 (39.90105, 116.42079),
            // GCJ-02 (39.90245, 116.42703), given to 5 decimals and ~0.8e-5° off the formula (~0.7 m)
            "116.42079, 39.90105, 116.42703, 39.90245, 1e-5",
    })
    void forwardMatchesPublishedPairs(double lon, double lat, double gcjLon, double gcjLat, double tolerance) {
        Coordinate gcj = GCJ02.fromWgs84(new Coordinate(lon, lat));
        assertThat(gcj.x).isCloseTo(gcjLon, within(tolerance));
        assertThat(gcj.y).isCloseTo(gcjLat, within(tolerance));
    }

    @Test
    void inverseMatchesEvilTransformsIterativeInverse() {
        // hexdocs.pm/evil_transform: gcjtowgs of (22.59414209, 114.1251447) (Shenzhen) gives
        // "22.59682824722656, 114.12004399199218"; that inverse stops at ~1e-6°.
        Coordinate wgs = GCJ02.toWgs84(new Coordinate(114.1251447, 22.59414209));
        assertThat(wgs.x).isCloseTo(114.12004399199218, within(2e-6));
        assertThat(wgs.y).isCloseTo(22.59682824722656, within(2e-6));
    }

    @Test
    void baiduIsGcjPlusItsOwnShift() {
        Coordinate wgs = new Coordinate(116.404, 39.915);
        Coordinate viaGcj = Bd09.fromGcj02(GCJ02.fromWgs84(wgs));

        assertThat(BD09.fromWgs84(wgs)).isEqualTo(viaGcj);
        Coordinate back = BD09.toWgs84(viaGcj);
        assertThat(back.x).isCloseTo(116.404, within(1e-9));
        assertThat(back.y).isCloseTo(39.915, within(1e-9));
    }

    @ParameterizedTest(name = "{0} is unchanged")
    @CsvSource({
            "Andorra la Vella, 1.5218, 42.5063",
            "Monaco, 7.4246, 43.7384",
            "Seoul, 126.9780, 37.5665",
            "Tokyo, 139.6917, 35.6895",
            "Pyongyang, 125.7625, 39.0392",
            "Ulaanbaatar, 106.9057, 47.8864",
            "Hanoi, 105.8342, 21.0278",
            "Vladivostok, 131.8869, 43.1155",
            "Almaty, 76.8860, 43.2380",
            "Kathmandu, 85.3240, 27.7172",
            "Busan, 129.0756, 35.1796",
            "Fukuoka, 130.4017, 33.5904",
    })
    void outsideChinaNothingMoves(String place, double lon, double lat) {
        Coordinate position = new Coordinate(lon, lat);
        assertThat(GCJ02.fromWgs84(position)).as(place).isEqualTo(position);
        assertThat(GCJ02.toWgs84(position)).as(place).isEqualTo(position);
        assertThat(BD09.fromWgs84(position)).as(place).isEqualTo(position);
        assertThat(BD09.toWgs84(position)).as(place).isEqualTo(position);
    }

    @ParameterizedTest(name = "{0} moves")
    @CsvSource({
            "Beijing, 116.3975, 39.9087",
            "Urumqi, 87.6168, 43.8256",
            "Lhasa, 91.1409, 29.6456",
            "Harbin, 126.6425, 45.7570",
            "Haikou, 110.3312, 20.0311",
            "Dandong, 124.3545, 40.0002",
            "Hong Kong, 114.1694, 22.3193",
            "Taipei, 121.5654, 25.0330",
            "Zhoushan, 122.2072, 29.9853",
    })
    void insideChinaEverythingMoves(String place, double lon, double lat) {
        Coordinate gcj = GCJ02.fromWgs84(new Coordinate(lon, lat));
        double metres = Math.hypot((gcj.x - lon) * Math.cos(Math.toRadians(lat)), gcj.y - lat) * 111_320;
        assertThat(metres).as(place).isBetween(10.0, 800.0);
    }
}
