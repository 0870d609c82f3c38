package org.gridpatrol.geo.generate;

import org.gridpatrol.geo.block.Block;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridpatrol.geo.generate.GraphFixtures.blocksOfGrid;
import static org.gridpatrol.geo.generate.PartitionChecks.contiguous;
import static org.gridpatrol.geo.generate.PartitionChecks.workload;

/**
 * A block over the maximum that cuts its piece in two: it becomes a grid of its own and each side is
 * divided by its own workload; a side too light for a grid joins the heavy block's grid, flagged.
 * Lattices of 100 m squares (id = 1 + row × width + column, row 0 at the bottom); "." is no block.
 */
class HeavyBlockSplitTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final WorkloadBand BAND = new WorkloadBand(200, 400);

    /*
     * Left: 6 blocks of 25 (150), right: 6 blocks of 75 (450); block 8 (500) is the only link.
     *
     *   11 12  .  14 15
     *    6  7 [8]  9 10
     *    1  2  .   4  5
     *
     * Counted as one workload the rest (600) would get 2 grids: left 150 and right 450, both out of
     * the band. Cut at block 8: the right side makes 2 grids of 3 blocks, 225 each (450/400 → at least
     * 2, 450/200 → at most 2); the left side (150 < 200) cannot make a grid, its only neighbour is
     * block 8, so it joins block 8's grid (650) and is flagged as under the minimum.
     */
    @Test
    void aHeavyBlockThatCutsItsPieceIsAGridAndEachSideIsDividedAlone() {
        Set<Long> holes = Set.of(3L, 13L);
        WeightedBlockGraph graph = lattice(5, 3, holes, b -> b == 8 ? 500 : (b - 1) % 5 < 2 ? 25 : 75);
        Regridding result = GridGenerator.generate(graph, new GenerationTarget(BAND, null));

        Map<Long, List<Long>> grids = blocksOfGrid(result.gridOfBlock());
        assertThat(grids).hasSize(3);
        long heavyGrid = result.gridOfBlock().get(8L);
        assertThat(grids.get(heavyGrid)).containsExactly(1L, 2L, 6L, 7L, 8L, 11L, 12L);
        grids.remove(heavyGrid);
        assertThat(grids.values()).allSatisfy(g -> {
            assertThat(g).hasSize(3).isSubsetOf(4L, 5L, 9L, 10L, 14L, 15L);
            assertThat(workload(graph, g)).isEqualTo(225.0);
            assertThat(contiguous(graph, g)).as("grid %s contiguous", g).isTrue();
        });
        assertThat(result.problems()).extracting(GenerationProblem::kind).containsExactlyInAnyOrder(
                GenerationProblem.Kind.BLOCK_OVER_MAXIMUM, GenerationProblem.Kind.REGION_UNDER_MINIMUM);
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.gridIds()).containsExactly(heavyGrid));
        GenerationProblem light = result.problems().stream()
                .filter(p -> p.kind() == GenerationProblem.Kind.REGION_UNDER_MINIMUM).findFirst().orElseThrow();
        assertThat(light.blockIds()).containsExactly(1L, 2L, 6L, 7L, 11L, 12L);
        assertThat(light.message()).contains("150").contains("[8]");
    }

    /*
     * A row: 1 holds nothing (a road), 2 holds 500, 3–7 hold 60 each (300).
     *
     *   1 [2] 3 4 5 6 7
     *
     * Block 2 is a grid; block 1 (no households) joins it without a problem of its own; 3–7 make
     * one grid of 300. Only block 2 is flagged.
     */
    @Test
    void blocksWithoutWorkloadCutOffByAHeavyBlockJoinItWithoutAProblem() {
        WeightedBlockGraph graph = lattice(7, 1, Set.of(), b -> b == 1 ? 0 : b == 2 ? 500 : 60);
        Regridding result = GridGenerator.generate(graph, new GenerationTarget(BAND, null));

        Map<Long, List<Long>> grids = blocksOfGrid(result.gridOfBlock());
        assertThat(grids.values()).containsExactlyInAnyOrder(List.of(1L, 2L), List.of(3L, 4L, 5L, 6L, 7L));
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(GenerationProblem.Kind.BLOCK_OVER_MAXIMUM);
            assertThat(p.blockIds()).containsExactly(2L);
            assertThat(p.gridIds()).containsExactly(result.gridOfBlock().get(2L));
        });
    }

    /*
     * Two heavy blocks in a row, each side of them divided alone:
     *
     *   1 2 3 [4] 5 6 [7] 8 9 10 11
     *
     * 1–3: 3 × 100 = 300 → 1 grid; 5–6: 2 × 150 = 300 → 1 grid; 8–11: 4 × 100 = 400 → 1 grid (400/400
     * → at least 1, 400/300 = 1.3 → 1). 4 and 7 (450 each) are grids alone. Nothing but the two heavy
     * blocks is flagged.
     */
    @Test
    void everySideBetweenHeavyBlocksGetsItsOwnGrids() {
        WeightedBlockGraph graph = lattice(11, 1, Set.of(), b -> b == 4 || b == 7 ? 450 : b == 5 || b == 6 ? 150 : 100);
        Regridding result = GridGenerator.generate(graph, new GenerationTarget(BAND, null));

        assertThat(blocksOfGrid(result.gridOfBlock()).values()).containsExactlyInAnyOrder(
                List.of(1L, 2L, 3L), List.of(4L), List.of(5L, 6L), List.of(7L), List.of(8L, 9L, 10L, 11L));
        assertThat(result.problems()).extracting(GenerationProblem::blockIds)
                .containsExactlyInAnyOrder(List.of(4L), List.of(7L));
    }

    /*
     * A row; block 4 (500) is over the maximum:
     *
     *   1 2 3 [4] 5 6 7
     *   Q A P  H  R R R       Q 250, A 390, P 30, R 100 each
     *
     * Left of H: Q + A + P = 670 → 2 grids (670/300 = 2.2). P reaches the rest only through A (or H):
     * {Q} 250 and {A, P} 420 is the best the search can do, 20 over the maximum; {Q, A} 640 and {P} 30
     * is worse. P goes to H's grid (already out of the band): A alone is 390, in the band, and only H's
     * grid is out of it: 530, with the move reported.
     */
    @Test
    void aGridOverTheMaximumHandsAHeavyNeighbourTheBlocksThatKeepItOut() {
        WeightedBlockGraph graph = lattice(7, 1, Set.of(), b -> b == 1 ? 250 : b == 2 ? 390 : b == 3 ? 30 : b == 4 ? 500 : 100);
        Regridding result = GridGenerator.generate(graph, new GenerationTarget(BAND, null));

        assertThat(blocksOfGrid(result.gridOfBlock()).values()).containsExactlyInAnyOrder(
                List.of(1L), List.of(2L), List.of(3L, 4L), List.of(5L, 6L, 7L));
        assertThat(result.problems()).extracting(GenerationProblem::kind).containsExactlyInAnyOrder(
                GenerationProblem.Kind.BLOCK_OVER_MAXIMUM, GenerationProblem.Kind.REGION_UNDER_MINIMUM);
        GenerationProblem moved = result.problems().stream()
                .filter(p -> p.kind() == GenerationProblem.Kind.REGION_UNDER_MINIMUM).findFirst().orElseThrow();
        assertThat(moved.blockIds()).containsExactly(3L);
        assertThat(moved.gridIds()).containsExactly(result.gridOfBlock().get(4L));
        assertThat(moved.message()).contains("30").contains("block 4");
    }

    /*
     * A row; block 3 (500) is over the maximum:
     *
     *   1 2 [3] 4 5 6
     *   A P  H  R R R       A 390, P 30, R 100 each
     *
     * Left of H: A + P = 420 → 2 grids (420/400 → at least 2, 420/200 → at most 2): {A} 390 and {P} 30.
     * P cannot join A (420, over the maximum) and has no other ordinary neighbour: it joins H's grid
     * (530) and disappears as a grid; every other grid is in the band.
     */
    @Test
    void aGridUnderTheMinimumThatNoOrdinaryNeighbourCanTakeJoinsTheHeavyGrid() {
        WeightedBlockGraph graph = lattice(6, 1, Set.of(), b -> b == 1 ? 390 : b == 2 ? 30 : b == 3 ? 500 : 100);
        Regridding result = GridGenerator.generate(graph, new GenerationTarget(BAND, null));

        Map<Long, List<Long>> grids = blocksOfGrid(result.gridOfBlock());
        assertThat(grids.values()).containsExactlyInAnyOrder(List.of(1L), List.of(2L, 3L), List.of(4L, 5L, 6L));
        assertThat(result.problems()).extracting(GenerationProblem::kind).containsExactlyInAnyOrder(
                GenerationProblem.Kind.BLOCK_OVER_MAXIMUM, GenerationProblem.Kind.REGION_UNDER_MINIMUM);
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.gridIds()).containsExactly(result.gridOfBlock().get(3L)));
    }

    /* A lattice of width × height squares without the blocks in {@code holes}. */
    private static WeightedBlockGraph lattice(int width, int height, Set<Long> holes, java.util.function.LongToDoubleFunction weight) {
        Map<Long, Block> blocks = new LinkedHashMap<>();
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                long id = GraphFixtures.id(width, r, c);
                if (holes.contains(id)) {
                    continue;
                }
                double x = c * 100;
                double y = r * 100;
                blocks.put(id, Block.uncounted(id, null, FACTORY.createPolygon(new Coordinate[]{
                        new Coordinate(x, y), new Coordinate(x + 100, y), new Coordinate(x + 100, y + 100),
                        new Coordinate(x, y + 100), new Coordinate(x, y)})));
            }
        }
        return GraphFixtures.graph(blocks, weight, Map.of());
    }
}
