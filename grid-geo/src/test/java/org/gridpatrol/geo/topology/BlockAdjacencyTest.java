package org.gridpatrol.geo.topology;

import org.gridpatrol.geo.block.Block;
import org.gridpatrol.geo.shape.MetricFrame;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BlockAdjacencyTest {

    private static final MetricFrame METRES = new MetricFrame(1, 1);

    static Block block(long id, Long parent, String wkt) {
        try {
            return Block.uncounted(id, parent, new WKTReader().read(wkt));
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }

    static Map<Long, Block> blocks(Block... blocks) {
        Map<Long, Block> byId = new HashMap<>();
        for (Block b : blocks) {
            byId.put(b.id(), b);
        }
        return byId;
    }

    @Test
    void twoUnitSquaresSharingAnEdgeAreAdjacentAlongOneUnit() {
        BlockGraph graph = BlockAdjacency.of(blocks(
                block(1, null, "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
                block(2, null, "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))")), METRES);
        assertThat(graph.adjacency()).isEqualTo(Map.of(1L, Set.of(2L), 2L, Set.of(1L)));
        assertThat(graph.sharedLength(1, 2)).isEqualTo(1.0);
        assertThat(graph.sharedLength(2, 1)).isEqualTo(1.0);
    }

    @Test
    void sharedLengthsAreMeasuredInTheFrame() {
        // the common edge x = 1, y 0..2 is 2 degrees north: 2 × 3 m
        BlockGraph graph = BlockAdjacency.of(blocks(
                block(1, null, "POLYGON ((0 0, 1 0, 1 1, 1 2, 0 2, 0 0))"),
                block(2, null, "POLYGON ((1 0, 2 0, 2 2, 1 2, 1 1, 1 0))")), new MetricFrame(5, 3));
        assertThat(graph.sharedLength(1, 2)).isCloseTo(6, within(1e-12));
    }

    /**
     * <pre>
     *   +---+
     *   | 3 |
     *   +---+---+
     *   | 1 | 2 |
     *   +---+---+---+
     *           | 4 |     4 meets 2 at a corner only
     *           +---+
     * </pre>
     */
    @Test
    void blocksMeetingAtACornerAreNotAdjacent() {
        BlockGraph graph = BlockAdjacency.of(blocks(
                block(1, null, "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
                block(2, null, "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))"),
                block(3, null, "POLYGON ((0 1, 1 1, 1 2, 0 2, 0 1))"),
                block(4, null, "POLYGON ((2 -1, 3 -1, 3 0, 2 0, 2 -1))")), METRES);
        assertThat(graph.neighbours(1)).containsExactlyInAnyOrder(2L, 3L);
        assertThat(graph.neighbours(2)).containsExactly(1L);
        assertThat(graph.neighbours(3)).containsExactly(1L);
        assertThat(graph.neighbours(4)).isEmpty();
        assertThat(graph.sharedLength(2, 3)).isZero();
    }

    @Test
    void disjointBlocksHaveNoNeighbours() {
        BlockGraph graph = BlockAdjacency.of(blocks(
                block(1, null, "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
                block(2, null, "POLYGON ((5 5, 6 5, 6 6, 5 6, 5 5))")), METRES);
        assertThat(graph.adjacency()).isEmpty();
        assertThat(graph.sharedLength()).isEmpty();
    }

    /**
     * Block 1 split into parts 3 and 4 (1 stays active until the plan is published); block 2 above
     * lacks the vertex (1 1) where the cut meets it:
     * <pre>
     *   +-------+
     *   |   2   |
     *   +---+---+
     *   | 3 | 4 |     1 = 3 ∪ 4
     *   +---+---+
     * </pre>
     */
    @Test
    void splitPartsAreRelatedWithTheirNeighboursButNotWithTheirParent() {
        BlockGraph graph = BlockAdjacency.of(blocks(
                block(1, null, "POLYGON ((0 0, 2 0, 2 1, 0 1, 0 0))"),
                block(2, null, "POLYGON ((0 1, 2 1, 2 2, 0 2, 0 1))"),
                block(3, 1L, "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
                block(4, 1L, "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))")), METRES);
        assertThat(graph.neighbours(1)).containsExactly(2L);
        assertThat(graph.neighbours(2)).containsExactlyInAnyOrder(1L, 3L, 4L);
        assertThat(graph.neighbours(3)).containsExactlyInAnyOrder(2L, 4L);
        assertThat(graph.neighbours(4)).containsExactlyInAnyOrder(2L, 3L);
        assertThat(graph.sharedLength(1, 2)).isCloseTo(2, within(1e-12));
        assertThat(graph.sharedLength(2, 3)).isCloseTo(1, within(1e-12));
        assertThat(graph.sharedLength(3, 4)).isCloseTo(1, within(1e-12));
    }
}
