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
    void aPointOnASharedEdgeGoesToTheLowestIdOfTheBestRank() throws ParseException {
        // x = 1 is the edge between 7 and 3: lowest id wins
        assertThat(BlockLocator.locateAll(blocks(), List.of(new Coordinate(1, 0.5)))).containsExactly(3L);
        // inside both 7 and its part 9: the published block (rank 0) wins over the part (rank 1)
        assertThat(BlockLocator.locateAll(blocks(), List.of(new Coordinate(0.5, 0.25)))).containsExactly(7L);
    }
}
