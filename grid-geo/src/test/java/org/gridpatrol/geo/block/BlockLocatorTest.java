package org.gridpatrol.geo.block;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BlockLocatorTest {

    /**
     * Two unit squares side by side, ids 7 (left) and 3 (right), and a split part 9 of the left one
     * ranked after the published blocks:
     * <pre>
     *  +----+----+
     *  | 7  | 3  |
     *  |(9) |    |
     *  +----+----+
     * </pre>
     */
    private List<BlockLocator.Block> blocks() throws ParseException {
        WKTReader wkt = new WKTReader();
        return List.of(
                new BlockLocator.Block(7, 0, wkt.read("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")),
                new BlockLocator.Block(3, 0, wkt.read("POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))")),
                new BlockLocator.Block(9, 1, wkt.read("POLYGON ((0 0, 1 0, 1 0.5, 0 0.5, 0 0))")));
    }

    @Test
    void interiorBoundaryAndOutsidePoints() throws ParseException {
        List<Long> found = BlockLocator.locateAll(blocks(), List.of(
                new Coordinate(0.5, 0.75), new Coordinate(1.5, 0.5), new Coordinate(5, 5)));
        assertThat(found).containsExactly(7L, 3L, -1L);
    }

    @Test
    void bulkLocationKeepsTheInputOrder() throws ParseException {
        BlockLocator locator = new BlockLocator(blocks());
        long[] found = locator.locateAll(new double[] {1.5, 0.5, 9, 0.5}, new double[] {0.5, 0.75, 9, 0.25}, 4);
        assertThat(found).containsExactly(3L, 7L, -1L, 7L);
    }

    @Test
    void holesAndMultiPolygonsAreRespected() throws ParseException {
        WKTReader wkt = new WKTReader();
        List<BlockLocator.Block> blocks = List.of(
                new BlockLocator.Block(1, 0, wkt.read("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 3 1, 3 3, 1 3, 1 1))")),
                new BlockLocator.Block(2, 0, wkt.read("MULTIPOLYGON (((1 1, 3 1, 3 3, 1 3, 1 1)), ((10 10, 11 10, 11 11, 10 11, 10 10)))")));
        assertThat(BlockLocator.locateAll(blocks, List.of(new Coordinate(0.5, 0.5), new Coordinate(2, 2),
                new Coordinate(10.5, 10.5), new Coordinate(1, 2), new Coordinate(7, 7)))).containsExactly(1L, 2L, 2L, 1L, -1L);
    }

    @Test
    void agreesWithJtsCoversOnRandomPoints() throws ParseException {
        List<BlockLocator.Block> blocks = blocks();
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 10_000; i++) {
            // points on a 0.25 lattice hit edges and corners often
            double x = Math.round(random.nextDouble() * 10) / 4.0 - 0.25;
            double y = Math.round(random.nextDouble() * 6) / 4.0 - 0.25;
            var point = new org.locationtech.jts.geom.GeometryFactory().createPoint(new Coordinate(x, y));
            long expected = blocks.stream().filter(b -> b.geometry().covers(point))
                    .sorted(java.util.Comparator.comparingInt(BlockLocator.Block::rank).thenComparingLong(BlockLocator.Block::id))
                    .map(BlockLocator.Block::id).findFirst().orElse(-1L);
            assertThat(BlockLocator.locateAll(blocks, List.of(new Coordinate(x, y)))).as("%s %s", x, y).containsExactly(expected);
        }
    }

    @Test
    void aPointOnASharedEdgeGoesToTheLowestIdOfTheBestRank() throws ParseException {
        // x = 1 is the edge between 7 and 3: lowest id wins
        assertThat(BlockLocator.locateAll(blocks(), List.of(new Coordinate(1, 0.5)))).containsExactly(3L);
        // inside both 7 and its part 9: the published block (rank 0) wins over the part (rank 1)
        assertThat(BlockLocator.locateAll(blocks(), List.of(new Coordinate(0.5, 0.25)))).containsExactly(7L);
    }
}
