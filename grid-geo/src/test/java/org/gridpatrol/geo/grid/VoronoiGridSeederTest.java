package org.gridpatrol.geo.grid;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

class VoronoiGridSeederTest {

    /**
     * An L-shaped village, 2 × 2 with the north-east quarter missing:
     * <pre>
     *  +----+
     *  |    |
     *  |    +----+
     *  |         |
     *  +---------+
     * </pre>
     */
    private static final String L_SHAPE = "POLYGON ((0 0, 2 0, 2 1, 1 1, 1 2, 0 2, 0 0))";

    @Test
    void gridsCoverTheAreaWithoutGapOrOverlap() throws ParseException {
        Geometry area = new WKTReader().read(L_SHAPE);
        List<Geometry> grids = VoronoiGridSeeder.seed(area, randomPointsIn(area, 1200, 7), 300, 42);

        assertThat(grids).hasSize(4);
        double sum = grids.stream().mapToDouble(Geometry::getArea).sum();
        assertThat(sum).isCloseTo(area.getArea(), offset(1e-9));
        for (int i = 0; i < grids.size(); i++) {
            assertThat(area.covers(grids.get(i))).isTrue();
            for (int j = i + 1; j < grids.size(); j++) {
                assertThat(grids.get(i).intersection(grids.get(j)).getArea()).isLessThan(1e-12);
            }
        }
    }

    @Test
    void householdCountsAreRoughlyBalanced() throws ParseException {
        Geometry area = new WKTReader().read(L_SHAPE);
        List<Coordinate> households = randomPointsIn(area, 3000, 11);
        List<Geometry> grids = VoronoiGridSeeder.seed(area, households, 500, 3);

        assertThat(grids).hasSize(6);
        for (Geometry grid : grids) {
            long inside = households.stream().filter(h -> grid.covers(area.getFactory().createPoint(h))).count();
            assertThat(inside).isBetween(250L, 1000L);
        }
    }

    @Test
    void sameSeedGivesSameGrids() throws ParseException {
        Geometry area = new WKTReader().read(L_SHAPE);
        List<Coordinate> households = randomPointsIn(area, 900, 5);
        List<Geometry> first = VoronoiGridSeeder.seed(area, households, 300, 9);
        List<Geometry> second = VoronoiGridSeeder.seed(area, households, 300, 9);
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).equalsExact(first.get(i), 1e-12)).isTrue();
        }
    }

    @Test
    void fewHouseholdsGiveOneGridForTheWholeArea() throws ParseException {
        Geometry area = new WKTReader().read(L_SHAPE);
        List<Geometry> grids = VoronoiGridSeeder.seed(area, randomPointsIn(area, 100, 1), 300, 1);
        assertThat(grids).singleElement().satisfies(g -> assertThat(g.equalsTopo(area)).isTrue());
    }

    @Test
    void refusesAnAreaThatIsNotAPolygon() throws ParseException {
        Geometry line = new WKTReader().read("LINESTRING (0 0, 1 1)");
        assertThatThrownBy(() -> new VoronoiGridSeeder(line, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("polygon");
    }

    private static List<Coordinate> randomPointsIn(Geometry area, int count, long seed) {
        Random random = new Random(seed);
        List<Coordinate> points = new ArrayList<>();
        while (points.size() < count) {
            Coordinate c = new Coordinate(random.nextDouble() * 2, random.nextDouble() * 2);
            if (area.contains(area.getFactory().createPoint(c))) {
                points.add(c);
            }
        }
        return points;
    }
}
