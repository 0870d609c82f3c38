package org.gridpatrol.geo.crs;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Coordinate;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ChinaOutlineTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    @Test
    void theRasterShortcutAnswersAsThePolygonDoes() {
        // points spread over the bounds and points crowded along the outline's edges
        Random random = new Random(5);
        Envelope bounds = ChinaOutline.bounds();
        Coordinate[] vertices = ChinaOutline.outline().getCoordinates();
        for (int i = 0; i < 10_000; i++) {
            double x;
            double y;
            if (i % 2 == 0) {
                x = bounds.getMinX() + random.nextDouble() * bounds.getWidth();
                y = bounds.getMinY() + random.nextDouble() * bounds.getHeight();
            } else {
                Coordinate v = vertices[random.nextInt(vertices.length)];
                x = v.x + (random.nextDouble() - 0.5) * 0.3;
                y = v.y + (random.nextDouble() - 0.5) * 0.3;
            }
            boolean byPolygon = ChinaOutline.outline().intersects(GEOMETRY.createPoint(new Coordinate(x, y)));
            assertThat(ChinaOutline.contains(x, y)).as("(%s, %s)", x, y).isEqualTo(byPolygon);
        }
    }

    @Test
    void theOutlineCoversChinaAndNotItsNeighbours() {
        assertThat(ChinaOutline.contains(116.3975, 39.9087)).as("Beijing").isTrue();
        assertThat(ChinaOutline.contains(75.9897, 39.4704)).as("Kashgar").isTrue();
        assertThat(ChinaOutline.contains(122.31, 29.94)).as("Zhoushan islands").isTrue();
        assertThat(ChinaOutline.contains(109.51, 18.25)).as("Sanya").isTrue();
        assertThat(ChinaOutline.contains(130.366, 42.862)).as("Hunchun (near the Tumen)").isTrue();
        assertThat(ChinaOutline.contains(126.978, 37.5665)).as("Seoul").isFalse();
        assertThat(ChinaOutline.contains(125.7625, 39.0392)).as("Pyongyang").isFalse();
        assertThat(ChinaOutline.contains(106.9057, 47.8864)).as("Ulaanbaatar").isFalse();
        assertThat(ChinaOutline.contains(105.8342, 21.0278)).as("Hanoi").isFalse();
        assertThat(ChinaOutline.contains(131.8869, 43.1155)).as("Vladivostok").isFalse();
        assertThat(ChinaOutline.contains(123.0, 24.45)).as("Yonaguni (Japan)").isFalse();
        assertThat(ChinaOutline.contains(124.71, 37.97)).as("Baengnyeong (Korea)").isFalse();
    }
}
