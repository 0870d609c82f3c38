package org.gridpatrol.geo.topology;

import org.gridpatrol.geo.block.Block;
import org.gridpatrol.geo.shape.MetricFrame;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridpatrol.geo.topology.BlockAdjacencyTest.block;
import static org.gridpatrol.geo.topology.BlockAdjacencyTest.blocks;

/**
 * Before the split, blocks 1, 2 and 5; then 1 is cut into parts 3 and 4:
 * <pre>
 *   +-------+            +-------+
 *   |   2   |            |   2   |
 *   +-------+---+   →    +---+---+---+
 *   |   1   | 5 |        | 3 | 4 | 5 |
 *   +-------+---+        +---+---+---+
 * </pre>
 */
class PartAdjacencyTest {

    private static final MetricFrame METRES = new MetricFrame(1, 1);

    @Test
    void partsJoinTheGraphAndTheGraphBeforeStaysAsItWas() {
        Map<Long, Block> before = blocks(
                block(1, null, "POLYGON ((0 0, 2 0, 2 1, 0 1, 0 0))"),
                block(2, null, "POLYGON ((0 1, 2 1, 2 2, 0 2, 0 1))"),
                block(5, null, "POLYGON ((2 0, 3 0, 3 1, 2 1, 2 0))"));
        BlockGraph base = BlockAdjacency.of(before, METRES);
        assertThat(base.neighbours(1)).containsExactlyInAnyOrder(2L, 5L);

        Map<Long, Block> after = LayeredMap.over(before);
        after.put(3L, block(3, 1L, "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"));
        after.put(4L, block(4, 1L, "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))"));
        BlockGraph graph = PartAdjacency.of(base, after, Map.of(), List.of(3L, 4L), METRES);

        assertThat(graph.neighbours(3)).containsExactlyInAnyOrder(2L, 4L);
        assertThat(graph.neighbours(4)).containsExactlyInAnyOrder(2L, 3L, 5L);
        assertThat(graph.neighbours(2)).containsExactlyInAnyOrder(1L, 3L, 4L);
        assertThat(graph.neighbours(5)).containsExactlyInAnyOrder(1L, 4L);
        assertThat(graph.sharedLength(4, 5)).isCloseTo(1, within(1e-12));
        assertThat(graph.sharedLength(2, 3)).isCloseTo(1, within(1e-12));
        // the graph before the split is shared, not changed
        assertThat(base.neighbours(2)).containsExactly(1L);
        assertThat(base.neighbours(5)).containsExactly(1L);
        assertThat(base.neighbours(3)).isEmpty();
    }
}
