package org.gridpatrol.geo.generate;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows of 100 m squares (ids 1..n left to right), partitions set by hand, band 200–400. */
class PairRecombinationTest {

    private static final WorkloadBand BAND = new WorkloadBand(200, 400);

    /*
     *   [1] [2 3 4 5 6]      100 each: 100 | 500, both out of the band
     *
     * Together 600 fits two grids of 200–400; on a row the only cuts are between neighbours, and
     * those with both sides in the band leave 2, 3 or 4 blocks on the left.
     */
    @Test
    void cutsAGridOutOfTheBandAndItsNeighbourAgainIntoTwoInTheBand() {
        Partition partition = row(6, 100, 0, 1, 1, 1, 1, 1);
        Partition result = new PairRecombination(partition, BAND, new SplittableRandom(1), () -> { }).run();

        assertThat(result.parts()).isEqualTo(2);
        assertThat(result.weight(0)).isBetween(200.0, 400.0);
        assertThat(result.weight(1)).isBetween(200.0, 400.0);
        int left = result.label(0);
        int cut = 0;
        while (cut < 6 && result.label(cut) == left) {
            cut++;
        }
        assertThat(cut).isBetween(2, 4);
        for (int b = cut; b < 6; b++) {
            assertThat(result.label(b)).as("block %d right of the cut", b + 1).isNotEqualTo(left);
        }
    }

    /*
     *   [1] [2 3]      100 | 200: the pair (300) is too light for two grids but fits one.
     */
    @Test
    void mergesAGridOutOfTheBandIntoANeighbourWhenTogetherTheyFit() {
        Partition partition = row(3, 100, 0, 1, 1);
        Partition result = new PairRecombination(partition, BAND, new SplittableRandom(1), () -> { }).run();

        assertThat(result.parts()).isEqualTo(1);
        assertThat(result.weight(0)).isEqualTo(300.0);
    }

    /*
     *   [1 2 3] [4 5 6]      100 each: 300 | 300, both in the band: nothing changes.
     */
    @Test
    void leavesGridsInTheBandAlone() {
        Partition partition = row(6, 100, 0, 0, 0, 1, 1, 1);
        Partition result = new PairRecombination(partition, BAND, new SplittableRandom(1), () -> { }).run();

        assertThat(result).isSameAs(partition);
        assertThat(Arrays.stream(new int[]{0, 1, 2, 3, 4, 5}).map(result::label)).containsExactly(0, 0, 0, 1, 1, 1);
    }

    /*
     *   [1] [2 3 4 5] [6 7]      block 1 holds 100, the others 80: 100 | 320 | 160
     *
     * Round 1: 1 ∪ 2–5 (420) has no cut with both sides in the band (100|320, 180|240, 260|160,
     * 340|80) and 6–7 is out of the band, so no chain; 1 stays. 6–7 with 2–5 (480) has one cut in the
     * band: 2–4 | 5–7 (240 | 240). Round 2: 1 with 2–4 (340) is too light for two grids; the chain
     * (2–4 cut again with 5–7: the same single cut) does not help and is undone; 340 fits one grid,
     * so 1 joins 2–4. Result: 1–4 (340) and 5–7 (240), each whole.
     */
    @Test
    void aChainThatDoesNotHelpIsUndoneAndAPairThatFitsOneGridIsMerged() {
        WeightedBlockGraph graph = GraphFixtures.lattice(7, 1, b -> b == 1 ? 100 : 80, Map.of());
        Partition partition = partition(graph, 0, 1, 1, 1, 1, 2, 2);
        Partition result = new PairRecombination(partition, BAND, new SplittableRandom(3), () -> { }).run();

        assertThat(result.parts()).isEqualTo(2);
        assertThat(Arrays.stream(new int[]{0, 1, 2, 3}).map(result::label).distinct()).hasSize(1);
        assertThat(Arrays.stream(new int[]{4, 5, 6}).map(result::label).distinct()).hasSize(1);
        assertThat(result.weight(result.label(0))).isEqualTo(340.0);
        assertThat(result.weight(result.label(6))).isEqualTo(240.0);
    }

    private static Partition row(int length, double weight, int... labels) {
        return partition(GraphFixtures.lattice(length, 1, b -> weight, Map.of()), labels);
    }

    private static Partition partition(WeightedBlockGraph graph, int... labels) {
        int length = labels.length;
        int[] all = new int[length];
        for (int i = 0; i < length; i++) {
            all[i] = i;
        }
        int[] scratch = new int[length];
        Arrays.fill(scratch, -1);
        BlockSet set = BlockSet.of(graph, all, scratch);
        int parts = Arrays.stream(labels).max().orElse(0) + 1;
        Partition partition = new Partition(set, parts);
        for (int b = 0; b < length; b++) {
            partition.assign(b, labels[b]);
        }
        return partition;
    }
}
