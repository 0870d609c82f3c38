package org.gridpatrol.geo.crs;

import org.locationtech.jts.geom.Coordinate;

/**
 * GCJ-02, the "Mars" coordinates of Amap (高德), Tencent and other Chinese web maps: WGS84 moved by
 * a published non-linear offset on the Krasovsky 1940 ellipsoid (a = 6378245 m), up to ~700 m.
 *
 * <p>Forward ({@link #fromWgs84}) is the closed formula; the inverse ({@link #toWgs84}) has no closed
 * form and is solved by fixed-point iteration (the offset's slope is under 1/300, so each step gains
 * more than two digits; 3–5 steps) until the step is under 1e-9° (0.1 mm): a round trip ends within
 * about 1e-9° of where it started. Outside {@link ChinaOutline} both directions are the identity, as
 * on the Chinese maps themselves; the inverse tests the outline on its answer, so every WGS84 point
 * inside comes back, and a point just outside the outline (within the offset's ~700 m) that is also
 * the offset image of an inside point is read as that inside point. Thread-safe, no state.
 */
public final class Gcj02 implements CoordinateSystem {

    /** The single instance; the system has no parameters. */
    public static final Gcj02 INSTANCE = new Gcj02();

    static final double TOLERANCE_DEGREES = 1e-9;
    private static final int MAX_ITERATIONS = 30;

    private static final double KRASOVSKY_A = 6378245.0;
    private static final double KRASOVSKY_EE = 0.00669342162296594323;

    private Gcj02() {
    }

    @Override
    public String id() {
        return "GCJ-02";
    }

    @Override
    public Coordinate fromWgs84(Coordinate wgs84) {
        double lon = wgs84.x;
        double lat = wgs84.y;
        if (!ChinaOutline.contains(lon, lat)) {
            return new Coordinate(lon, lat);
        }
        return new Coordinate(lon + lonOffset(lon, lat), lat + latOffset(lon, lat));
    }

    @Override
    public Coordinate toWgs84(Coordinate position) {
        if (!ChinaOutline.mayReach(position.x, position.y)) {
            return new Coordinate(position.x, position.y);
        }
        Coordinate wgs84 = solve(position.x, position.y);
        // The outline is tested on the answer, as fromWgs84 tests it: every point inside comes back
        // exactly, also within the offset's reach of the outline's edge.
        return ChinaOutline.contains(wgs84.x, wgs84.y) ? wgs84 : new Coordinate(position.x, position.y);
    }

    /** The WGS84 position whose GCJ-02 offset lands on (gcjLon, gcjLat), ignoring the outline. */
    static Coordinate solve(double gcjLon, double gcjLat) {
        double lon = gcjLon;
        double lat = gcjLat;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double stepLon = gcjLon - (lon + lonOffset(lon, lat));
            double stepLat = gcjLat - (lat + latOffset(lon, lat));
            lon += stepLon;
            lat += stepLat;
            if (Math.abs(stepLon) < TOLERANCE_DEGREES && Math.abs(stepLat) < TOLERANCE_DEGREES) {
                break;
            }
        }
        return new Coordinate(lon, lat);
    }

    /** The eastward offset in degrees at WGS84 (lon, lat), whatever the outline says. */
    static double lonOffset(double lon, double lat) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double metres = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
                + waves(x) + (20.0 * sin(x, 1) + 40.0 * sin(x, 3)) * 2.0 / 3.0
                + (150.0 * sin(x, 12) + 300.0 * sin(x, 30)) * 2.0 / 3.0;
        double radLat = Math.toRadians(lat);
        double sinLat = Math.sin(radLat);
        double w = 1.0 - KRASOVSKY_EE * sinLat * sinLat;
        double primeVerticalRadius = KRASOVSKY_A / Math.sqrt(w);
        return metres * 180.0 / (primeVerticalRadius * Math.cos(radLat) * Math.PI);
    }

    /** The northward offset in degrees at WGS84 (lon, lat), whatever the outline says. */
    static double latOffset(double lon, double lat) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double metres = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
                + waves(x) + (20.0 * sin(y, 1) + 40.0 * sin(y, 3)) * 2.0 / 3.0
                + (160.0 * sin(y, 12) + 320.0 * sin(y, 30)) * 2.0 / 3.0;
        double sinLat = Math.sin(Math.toRadians(lat));
        double w = 1.0 - KRASOVSKY_EE * sinLat * sinLat;
        double meridianRadius = KRASOVSKY_A * (1.0 - KRASOVSKY_EE) / (w * Math.sqrt(w));
        return metres * 180.0 / (meridianRadius * Math.PI);
    }

    private static double waves(double x) {
        return (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    }

    private static double sin(double v, double period) {
        return Math.sin(v * Math.PI / period);
    }

    @Override
    public String toString() {
        return id();
    }
}
