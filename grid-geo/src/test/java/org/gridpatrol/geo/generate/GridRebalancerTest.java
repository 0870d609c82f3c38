package org.gridpatrol.geo.generate;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridpatrol.geo.generate.GraphFixtures.blocksOfGrid;
import static org.gridpatrol.geo.generate.GraphFixtures.lattice;
import static org.gridpatrol.geo.generate.PartitionChecks.broken;
import static org.gridpatrol.geo.generate.PartitionChecks.outOfBand;
import static org.gridpatrol.geo.generate.PartitionChecks.workload;

class GridRebalancerTest {

    /*
     * Grid 1 = columns 0–1, grid 2 = columns 2–3; blocks of 50 except block 1 (150): grid 1 holds 500,
     * grid 2 400, band 300–450. One block of 50 from column 1 to grid 2 brings both to 450.
     *
     *   13 14 | 15 16
     *    9 10 | 11 12
     *    5  6 |  7  8
     *   [1] 2 |  3  4
     */
    @Test
    void movesOneBlockFromAnOverfullGridToItsNeighbour() {
        WeightedBlockGraph graph = lattice(4, 4, b -> b == 1 ? 150 : 50, Map.of());
        Map<Long, Long> current = columns(c -> c < 2 ? 1L : 2L);
        Regridding result = GridRebalancer.rebalance(graph, new WorkloadBand(300, 450), current);

        assertThat(moved(current, result)).hasSize(1).allSatisfy(b -> assertThat((b - 1) % 4).isEqualTo(1));
        Map<Long, List<Long>> grids = blocksOfGrid(result.gridOfBlock());
        assertThat(grids.keySet()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(grids.values()).allSatisfy(g -> assertThat(workload(graph, g)).isEqualTo(450));
        assertThat(broken(graph, grids)).isZero();
        assertThat(result.problems()).isEmpty();
    }

    /*
     * Grids 1, 2, 3 are columns 0, 1, 2–3 of a 4 × 4 lattice of 50s: 200, 200, 400. Band 250–400: grids 1
     * and 2 both need 50 more. Grid 1 only touches grid 2, so it takes a block from grid 2, which then
     * needs two blocks from grid 3: 3 moves at least, and a chain through grid 2 achieves it.
     */
    @Test
    void passesWeightAlongAChainOfGrids() {
        WeightedBlockGraph graph = lattice(4, 4, b -> 50, Map.of());
        Map<Long, Long> current = columns(c -> c == 0 ? 1L : c == 1 ? 2L : 3L);
        Regridding result = GridRebalancer.rebalance(graph, new WorkloadBand(250, 400), current);

        Map<Long, List<Long>> grids = blocksOfGrid(result.gridOfBlock());
        assertThat(outOfBand(graph, grids, new WorkloadBand(250, 400))).isZero();
        assertThat(broken(graph, grids)).isZero();
        assertThat(moved(current, result)).hasSize(3);
        assertThat(blocksOfGrid(result.gridOfBlock()).get(1L)).hasSize(5);
    }

    /* One grid of 16 × 60 = 960 with band 200–400: moves cannot help, it is split into 3 (960/400 = 2.4, 960/200 = 4.8 → 3). */
    @Test
    void splitsAGridNoMoveCanFix() {
        WeightedBlockGraph graph = lattice(4, 4, b -> 60, Map.of());
        Map<Long, Long> current = columns(c -> 9L);
        Regridding result = GridRebalancer.rebalance(graph, new WorkloadBand(200, 400), current);

        Map<Long, List<Long>> grids = blocksOfGrid(result.gridOfBlock());
        assertThat(grids).hasSize(3).containsKey(9L);
        assertThat(result.newGrids()).containsExactly(-1L, -2L);
        assertThat(outOfBand(graph, grids, new WorkloadBand(200, 400))).isZero();
        assertThat(broken(graph, grids)).isZero();
    }

    /*
     * Grid 1 = block 1 alone (50), grid 2 = the other 15 blocks of 20 (300); band 200–400: grid 2 cannot
     * give 150 without falling under 200, so grid 1 is merged into it (350) and removed.
     */
    @Test
    void mergesAGridThatCannotGainIntoANeighbour() {
        WeightedBlockGraph graph = lattice(4, 4, b -> b == 1 ? 50 : 20, Map.of());
        Map<Long, Long> current = new HashMap<>(columns(c -> 2L));
        current.put(1L, 1L);
        Regridding result = GridRebalancer.rebalance(graph, new WorkloadBand(200, 400), current);

        assertThat(result.removedGrids()).containsExactly(1L);
        assertThat(Set.copyOf(result.gridOfBlock().values())).containsExactly(2L);
        assertThat(result.problems()).isEmpty();
    }

    /* Grid 1 (column 0) is locked at 200; grid 2 (columns 1–3, 600) must shed to grid 3 only. */
    @Test
    void leavesLockedGridsAlone() {
        WeightedBlockGraph graph = lattice(4, 4, b -> 50, Map.of());
        Map<Long, Long> current = columns(c -> c == 0 ? 1L : c == 3 ? 3L : 2L);
        current.put(4L, 2L); // grid 2: columns 1–2 and block 4 (450); grid 3: blocks 8, 12, 16 (150)
        Regridding result = new GridRebalancer(graph, new WorkloadBand(200, 400), current).setLockedGrids(Set.of(1L)).getResult();

        assertThat(result.gridOfBlock()).doesNotContainKeys(1L, 5L, 9L, 13L);
        assertThat(result.gridOfBlock().values()).doesNotContain(1L);
        Map<Long, List<Long>> grids = blocksOfGrid(result.gridOfBlock());
        assertThat(outOfBand(graph, grids, new WorkloadBand(200, 400))).isZero();
        assertThat(moved(current, result)).containsExactly(4L);
    }

    /*
     * A balanced generation of a random 40 × 40 lattice, then 5 % more workload in 4 blocks (a new
     * estate): every grid back in the band, far fewer blocks moved than a fresh generation moves.
     */
    @Test
    void bringsGridsBackIntoTheBandMovingFewBlocks() {
        WorkloadBand band = new WorkloadBand(200, 400);
        for (int seed = 1; seed <= 3; seed++) {
            double[] weights = GridGeneratorPropertyTest.randomWeights(new Random(seed), 1600, 40);
            WeightedBlockGraph before = GraphFixtures.jittered(40, 40, 0.5, new Random(seed), b -> weights[(int) b - 1], Map.of());
            Map<Long, Long> current = new HashMap<>();
            GridGenerator.generate(before, new GenerationTarget(band, null)).gridOfBlock().forEach((b, g) -> current.put(b, 1000 - g));
            double total = before.blockIds().stream().mapToDouble(before::workload).sum();
            Random random = new Random(seed * 31L);
            for (int i = 0; i < 4; i++) {
                weights[random.nextInt(1600)] += total * 0.05 / 4;
            }
            // the estate must not be a block over the maximum: clamp it for the instance to stay feasible
            for (int i = 0; i < weights.length; i++) {
                weights[i] = Math.min(weights[i], 150);
            }
            WeightedBlockGraph after = GraphFixtures.jittered(40, 40, 0.5, new Random(seed), b -> weights[(int) b - 1], Map.of());

            Regridding rebalanced = GridRebalancer.rebalance(after, band, current);
            Regridding fresh = new GridGenerator(after, new GenerationTarget(band, null)).setCurrentGrids(current).getResult();

            Map<Long, List<Long>> grids = blocksOfGrid(rebalanced.gridOfBlock());
            assertThat(broken(after, grids)).isZero();
            assertThat(outOfBand(after, grids, band)).isZero();
            int moved = moved(current, rebalanced).size();
            int freshMoved = moved(current, fresh).size();
            System.out.printf(Locale.ROOT, "rebalance seed %d: %d blocks moved, fresh generation moves %d (of %d)%n", seed, moved, freshMoved, after.size());
            assertThat(moved).isLessThan(freshMoved / 5);
        }
    }

    private static Map<Long, Long> columns(java.util.function.IntFunction<Long> gridOfColumn) {
        Map<Long, Long> grids = new HashMap<>();
        for (long b = 1; b <= 16; b++) {
            grids.put(b, gridOfColumn.apply((int) ((b - 1) % 4)));
        }
        return grids;
    }

    private static List<Long> moved(Map<Long, Long> current, Regridding result) {
        return result.gridOfBlock().entrySet().stream().filter(e -> !e.getValue().equals(current.get(e.getKey())))
                .map(Map.Entry::getKey).sorted().toList();
    }
}
