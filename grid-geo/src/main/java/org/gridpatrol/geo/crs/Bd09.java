package org.gridpatrol.geo.crs;

import org.locationtech.jts.geom.Coordinate;

/**
 * BD-09, the coordinates of Baidu maps (百度 {@code bd09ll}): GCJ-02 ({@link Gcj02}) turned and
 * stretched a little more about the origin and shifted by (0.0065°, 0.006°), ~1 km in all.
 *
 * <p>Forward is the published formula applied to GCJ-02; the inverse starts from the usual
 * approximate reversal and is refined by fixed-point iteration until the step is under 1e-9°, then
 * GCJ-02's inverse follows. Outside {@link ChinaOutline} both directions are the identity, the outline
 * always tested on the WGS84 position (as in {@link Gcj02}). Not Baidu's Mercator metres
 * ({@code bd09mc}). Thread-safe, no state.
 */
public final class Bd09 implements CoordinateSystem {

    /** The single instance; the system has no parameters. */
    public static final Bd09 INSTANCE = new Bd09();

    private static final double X_PI = Math.PI * 3000.0 / 180.0;
    private static final int MAX_ITERATIONS = 30;

    private Bd09() {
    }

    @Override
    public String id() {
        return "BD-09";
    }

    @Override
    public Coordinate fromWgs84(Coordinate wgs84) {
        if (!ChinaOutline.contains(wgs84.x, wgs84.y)) {
            return new Coordinate(wgs84.x, wgs84.y);
        }
        return fromGcj02(Gcj02.INSTANCE.fromWgs84(wgs84));
    }

    @Override
    public Coordinate toWgs84(Coordinate position) {
        if (!ChinaOutline.mayReach(position.x, position.y)) {
            return new Coordinate(position.x, position.y);
        }
        Coordinate gcj02 = toGcj02(position);
        Coordinate wgs84 = Gcj02.solve(gcj02.x, gcj02.y);
        // As in Gcj02: the outline is tested on the answer, as fromWgs84 tests it.
        return ChinaOutline.contains(wgs84.x, wgs84.y) ? wgs84 : new Coordinate(position.x, position.y);
    }

    /** BD-09 of a GCJ-02 position (no outline test: the caller decided it is in China). */
    public static Coordinate fromGcj02(Coordinate gcj02) {
        double x = gcj02.x;
        double y = gcj02.y;
        double radius = Math.hypot(x, y) + 0.00002 * Math.sin(y * X_PI);
        double angle = Math.atan2(y, x) + 0.000003 * Math.cos(x * X_PI);
        return new Coordinate(radius * Math.cos(angle) + 0.0065, radius * Math.sin(angle) + 0.006);
    }

    /** GCJ-02 of a BD-09 position (no outline test), exact to 1e-9°. */
    public static Coordinate toGcj02(Coordinate bd09) {
        double x = bd09.x - 0.0065;
        double y = bd09.y - 0.006;
        double radius = Math.hypot(x, y) - 0.00002 * Math.sin(y * X_PI);
        double angle = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        Coordinate gcj = new Coordinate(radius * Math.cos(angle), radius * Math.sin(angle));
        // The reversal above evaluates the wobble terms at the wrong point (off by ~1e-6°); correct it.
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            Coordinate there = fromGcj02(gcj);
            double stepX = bd09.x - there.x;
            double stepY = bd09.y - there.y;
            gcj.x += stepX;
            gcj.y += stepY;
            if (Math.abs(stepX) < Gcj02.TOLERANCE_DEGREES && Math.abs(stepY) < Gcj02.TOLERANCE_DEGREES) {
                break;
            }
        }
        return gcj;
    }

    @Override
    public String toString() {
        return id();
    }
}
