package org.gridpatrol.routing.solve;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The exact and the heuristic loop solvers against enumeration. */
class LoopSolverTest {

    @Test
    void heldKarpIsExact() {
        Random random = new Random(5);
        for (int round = 0; round < 30; round++) {
            long[][] d = Instances.randomAsymmetric(4 + random.nextInt(6), random);
            int[] tour = LoopSolver.heldKarp(d);
            assertThat(tour[0]).isZero();
            assertThat(tour).hasSize(d.length).doesNotHaveDuplicates();
            assertThat(TourImprover.length(d, tour)).isEqualTo(Instances.bruteForceLoop(d));
        }
    }

    /** The iterated local search alone (no exact solver) on 8 and 9 nodes. */
    @Test
    void iteratedLocalSearchFindsTheOptimumOnSmallInstances() {
        Random random = new Random(9);
        for (int round = 0; round < 30; round++) {
            long[][] d = Instances.randomAsymmetric(8 + random.nextInt(2), random);
            int[] tour = LoopSolver.cheapestInsertion(d);
            long length = new TourImprover(d).iterate(tour, System.nanoTime() + 1_000_000_000L, 2000, new SplittableRandom(1));
            assertThat(tour).doesNotHaveDuplicates();
            assertThat(length).isEqualTo(TourImprover.length(d, tour)).isEqualTo(Instances.bruteForceLoop(d));
        }
    }

    @Test
    void localSearchNeverWorsensAndKeepsAPermutation() {
        Random random = new Random(13);
        for (int round = 0; round < 20; round++) {
            long[][] d = Instances.randomAsymmetric(30 + random.nextInt(100), random);
            int[] tour = LoopSolver.cheapestInsertion(d);
            long start = TourImprover.length(d, tour);
            long improved = new TourImprover(d).improve(tour);
            assertThat(improved).isEqualTo(TourImprover.length(d, tour)).isLessThanOrEqualTo(start);
            assertThat(tour[0]).isZero();
            assertThat(tour).hasSize(d.length).doesNotHaveDuplicates();
        }
    }
}
