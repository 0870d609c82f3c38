package org.gridpatrol.routing.solve;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Two teams, different bases, up to 7 checkpoints: the split against every assignment. */
class TeamSplitBruteForceTest {

    @Test
    void longestLoopMatchesEnumerationOnNearlyAllSmallInstances() {
        Random random = new Random(21);
        int matched = 0;
        int rounds = 30;
        for (int round = 0; round < rounds; round++) {
            int m = 3 + random.nextInt(5);
            long[][] d = Instances.randomAsymmetric(m + 2, random);
            PatrolProblem problem = new PatrolProblem(ArrayTravelMatrix.ofSeconds(d),
                    List.of(new Team("a", 0, 1_000_000), new Team("b", 1, 1_000_000)), Instances.checkpoints(2, m, 5, 30));

            // generous: the split stops when no move helps, so the result does not depend on machine load
            PatrolPlan plan = PatrolPlanner.plan(problem, Duration.ofSeconds(5));

            PlanChecks.assertValid(problem, plan);
            long[] best = bestSplit(d, m);
            assertThat(plan.longestSeconds()).as("round %d", round).isGreaterThanOrEqualTo(best[0]);
            if (plan.longestSeconds() == best[0] && plan.totalSeconds() == best[1]) {
                matched++;
            }
        }
        assertThat(matched).isGreaterThanOrEqualTo(rounds - 3);
    }

    /** {longest, total} of the best split: every assignment of checkpoints 2..m+1 to base 0 or 1. */
    private static long[] bestSplit(long[][] d, int m) {
        long bestLongest = Long.MAX_VALUE;
        long bestTotal = Long.MAX_VALUE;
        for (int mask = 0; mask < 1 << m; mask++) {
            long a = loop(d, 0, mask, m, true) ;
            long b = loop(d, 1, mask, m, false);
            long longest = Math.max(a, b);
            if (longest < bestLongest || (longest == bestLongest && a + b < bestTotal)) {
                bestLongest = longest;
                bestTotal = a + b;
            }
        }
        return new long[] {bestLongest, bestTotal};
    }

    private static long loop(long[][] d, int base, int mask, int m, boolean inMask) {
        int count = 0;
        for (int i = 0; i < m; i++) {
            if (((mask & (1 << i)) != 0) == inMask) {
                count++;
            }
        }
        int[] nodes = new int[count + 1];
        nodes[0] = base;
        int w = 1;
        for (int i = 0; i < m; i++) {
            if (((mask & (1 << i)) != 0) == inMask) {
                nodes[w++] = i + 2;
            }
        }
        long[][] sub = new long[nodes.length][nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            for (int j = 0; j < nodes.length; j++) {
                sub[i][j] = d[nodes[i]][nodes[j]];
            }
        }
        return (nodes.length == 1 ? 0 : Instances.bruteForceLoop(sub)) + 30L * count;
    }
}
