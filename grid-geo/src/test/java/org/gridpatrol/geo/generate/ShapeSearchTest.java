package org.gridpatrol.geo.generate;

import org.gridpatrol.geo.shape.UnionCompactness;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Polsby–Popper pass on small lattices of 100 m squares (id = 1 + row × width + column, row 0 at
 * the bottom), with values derived by hand, and on random Voronoi graphs against the engine's
 * independent {@link UnionCompactness}.
 */
class ShapeSearchTest {

    private static final double PI = Math.PI;

    /*
     * Two L-shaped grids of 4 squares each, a = grid 0, b = grid 1:
     *
     *   a b b b        5 6 7 8
     *   a a a b        1 2 3 4
     *
     * Each L: area 4 × 100², perimeter 10 × 100 → 4π·4/100 = 0.5027. Band: 3–5 blocks. Visiting blocks
     * in id order: block 2 would cut a; block 3 moving to b gives a = {1,2,5} (area 3, perimeter 8:
     * 4π·3/64 = 0.5890) and b = {3,4,6,7,8} (area 5, perimeter 12: 4π·5/144 = 0.4363), sum 1.0253 > 1.0053;
     * block 5 may not leave (a would hold 2 blocks); block 6 moving to a straightens the boundary: two
     * 2 × 2 squares, each 4π·4/64 = π/4. (With no band the greedy search would instead shrink a to one
     * square, 0.785 + 0.611 = 1.396: a local optimum; the band is what keeps grids comparable.)
     */
    @Test
    void movesThatStraightenTheBoundaryRaiseThePolsbyPopperSum() {
        WeightedBlockGraph graph = GraphFixtures.lattice(4, 2, b -> 1, Map.of());
        Partition partition = partition(graph, 0, 0, 0, 1, 0, 1, 1, 1);
        ShapeSearch search = new ShapeSearch(partition, new WorkloadBand(3, 5), () -> { });
        assertThat(search.polsbyPopper(0)).isCloseTo(4 * PI * 4 / 100, within(1e-9));
        assertThat(search.sum()).isCloseTo(8 * PI * 4 / 100, within(1e-9));

        search.run(10);

        assertThat(labels(partition)).containsExactly(0, 0, 1, 1, 0, 0, 1, 1);
        assertThat(search.moves()).isEqualTo(2);
        assertThat(search.polsbyPopper(0)).isCloseTo(PI / 4, within(1e-9));
        assertThat(search.polsbyPopper(1)).isCloseTo(PI / 4, within(1e-9));
    }

    /* The same two L shapes with a band of exactly 4 blocks: every move takes one grid out of it, so none is made. */
    @Test
    void noMoveTakesAGridOutOfTheBand() {
        WeightedBlockGraph graph = GraphFixtures.lattice(4, 2, b -> 1, Map.of());
        Partition partition = partition(graph, 0, 0, 0, 1, 0, 1, 1, 1);
        ShapeSearch search = new ShapeSearch(partition, new WorkloadBand(4, 4), () -> { });

        search.run(10);

        assertThat(labels(partition)).containsExactly(0, 0, 0, 1, 0, 1, 1, 1);
        assertThat(search.moves()).isZero();
    }

    /*
     * A comb: grid a is the bottom row and two teeth, grid b fills the gaps between and around them.
     *
     *   b b b b b      11 12 13 14 15
     *   a b a b b       6  7  8  9 10
     *   a a a a a       1  2  3  4  5
     *
     * Grid a is far from round, so the search moves blocks, but a tooth (6, 8) hangs on the one block
     * below it (1, 3): that block may not leave while its tooth is in a. Whatever the search does,
     * both grids stay in one piece.
     */
    @Test
    void aMoveNeverCutsTheGridItLeaves() {
        WeightedBlockGraph graph = GraphFixtures.lattice(5, 3, b -> 1, Map.of());
        Partition partition = partition(graph, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1);
        new ShapeSearch(partition, new WorkloadBand(1, 100), () -> { }).run(20);

        for (int p = 0; p < 2; p++) {
            List<Long> blocks = new ArrayList<>();
            for (int b = 0; b < 15; b++) {
                if (partition.label(b) == p) {
                    blocks.add(b + 1L);
                }
            }
            assertThat(PartitionChecks.contiguous(graph, blocks)).as("grid %d: %s", p, blocks).isTrue();
        }
    }

    /*
     * Voronoi graphs divided by seeded growth: the pass keeps every part contiguous, never raises the band
     * violation, never lowers the summed score, its bookkeeping agrees with UnionCompactness, and the same
     * partition gives the same result.
     */
    @Test
    void onRandomGraphsTheScoreOnlyRisesAndMatchesTheIndependentMeasure() {
        WorkloadBand band = new WorkloadBand(200, 400);
        for (int seed = 1; seed <= 4; seed++) {
            Random random = new Random(seed);
            double[] weights = new double[600];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = 1 + random.nextInt(40);
            }
            WeightedBlockGraph graph = GraphFixtures.voronoi(600, 3000, random, b -> weights[(int) b - 1]);
            int[] first = null;
            for (int repeat = 0; repeat < 2; repeat++) {
                Partition partition = grown(graph, 20, seed);
                BoundarySearch balance = new BoundarySearch(partition, band, () -> { });
                balance.balance(200);
                double violationBefore = balance.violation();
                ShapeSearch search = new ShapeSearch(partition, band, () -> { });
                double before = search.sum();

                search.run(60);

                assertThat(search.sum()).isGreaterThanOrEqualTo(before);
                assertThat(balance.violation()).isLessThanOrEqualTo(violationBefore + 1e-9);
                double independent = 0;
                for (int p = 0; p < partition.parts(); p++) {
                    List<Long> blocks = blocksOf(partition, p);
                    assertThat(PartitionChecks.contiguous(graph, blocks)).isTrue();
                    independent += UnionCompactness.of(blocks, graph::shape, graph.adjacency().sharedLength()).polsbyPopper();
                }
                assertThat(search.sum()).isCloseTo(independent, within(1e-6));
                if (first == null) {
                    first = labels(partition).stream().mapToInt(Integer::intValue).toArray();
                } else {
                    assertThat(labels(partition)).containsExactly(Arrays.stream(first).boxed().toArray(Integer[]::new));
                }
            }
        }
    }

    private static Partition grown(WeightedBlockGraph graph, int parts, long seed) {
        int[] all = new int[graph.size()];
        Arrays.setAll(all, i -> i);
        int[] scratch = new int[graph.size()];
        Arrays.fill(scratch, -1);
        Partition partition = new Partition(BlockSet.of(graph, all, scratch), parts);
        new SeededGrowth(partition, new int[0], new SplittableRandom(seed), () -> { }).run();
        return partition;
    }

    /** A partition of all blocks of the graph; labels[i] is the part of block index i (ids ascending). */
    private static Partition partition(WeightedBlockGraph graph, int... labels) {
        int[] all = new int[graph.size()];
        Arrays.setAll(all, i -> i);
        int[] scratch = new int[graph.size()];
        Arrays.fill(scratch, -1);
        int parts = Arrays.stream(labels).max().orElse(0) + 1;
        Partition partition = new Partition(BlockSet.of(graph, all, scratch), parts);
        for (int b = 0; b < labels.length; b++) {
            partition.assign(b, labels[b]);
        }
        return partition;
    }

    private static List<Integer> labels(Partition partition) {
        List<Integer> labels = new ArrayList<>();
        for (int b = 0; b < partition.set().size(); b++) {
            labels.add(partition.label(b));
        }
        return labels;
    }

    private static List<Long> blocksOf(Partition partition, int part) {
        List<Long> blocks = new ArrayList<>();
        for (int b = 0; b < partition.set().size(); b++) {
            if (partition.label(b) == part) {
                blocks.add(partition.set().id(b));
            }
        }
        return blocks;
    }
}
