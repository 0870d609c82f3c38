package org.gridpatrol.geo.crs;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Round trips on random points inside China's outline (including the ones near its edge): WGS84 →
 * GCJ-02/BD-09 → WGS84 must come back within 0.5 m (issue 16); in fact the inverses stop at 1e-9°.
 */
class RoundTripPropertyTest {

    private static final int POINTS = 200_000;
    private static final double LIMIT_METRES = 0.5;

    @Test
    void gcj02ComesBack() {
        assertThat(worstRoundTripMetres(Gcj02.INSTANCE, 1)).isLessThan(LIMIT_METRES).isLessThan(0.001);
    }

    @Test
    void bd09ComesBack() {
        assertThat(worstRoundTripMetres(Bd09.INSTANCE, 2)).isLessThan(LIMIT_METRES).isLessThan(0.001);
    }

    @Test
    void pointsNearTheOutlinesEdgeComeBack() {
        // Random points on the outline's vertices nudged inwards or outwards by up to ~1 km: the inside
        // ones come back, the outside ones are left alone (the inverse may read an outside point as an
        // inside one only when it is the image of one).
        Random random = new Random(3);
        Coordinate[] vertices = ChinaOutline.outline().getCoordinates();
        for (int i = 0; i < 20_000; i++) {
            Coordinate v = vertices[random.nextInt(vertices.length)];
            Coordinate p = new Coordinate(v.x + (random.nextDouble() - 0.5) * 0.02, v.y + (random.nextDouble() - 0.5) * 0.02);
            for (CoordinateSystem system : new CoordinateSystem[] {Gcj02.INSTANCE, Bd09.INSTANCE}) {
                Coordinate back = system.toWgs84(system.fromWgs84(p));
                if (ChinaOutline.contains(p.x, p.y)) {
                    assertThat(metres(p, back)).as("%s at %s", system, p).isLessThan(LIMIT_METRES);
                } else {
                    assertThat(system.fromWgs84(p)).isEqualTo(p);
                }
            }
        }
    }

    private static double worstRoundTripMetres(CoordinateSystem system, long seed) {
        Random random = new Random(seed);
        Envelope bounds = ChinaOutline.bounds();
        double worst = 0;
        int done = 0;
        while (done < POINTS) {
            double lon = bounds.getMinX() + random.nextDouble() * bounds.getWidth();
            double lat = bounds.getMinY() + random.nextDouble() * bounds.getHeight();
            if (!ChinaOutline.contains(lon, lat)) {
                continue;
            }
            Coordinate p = new Coordinate(lon, lat);
            Coordinate there = system.fromWgs84(p);
            assertThat(metres(p, there)).as("offset at %s", p).isGreaterThan(1.0);
            worst = Math.max(worst, metres(p, system.toWgs84(there)));
            done++;
        }
        return worst;
    }

    private static double metres(Coordinate a, Coordinate b) {
        double dx = (a.x - b.x) * Math.cos(Math.toRadians(a.y));
        return Math.hypot(dx, a.y - b.y) * 111_320;
    }
}
