package org.gridpatrol.routing.solve.tw;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VrptwSolverTest {

    private static final Duration BUDGET = Duration.ofMillis(300);

    private static VrptwProblem line(double[] x, int[] demand, int capacity, double[] ready, double[] due) {
        int n = x.length;
        double[] service = new double[n];
        return VrptwProblem.euclidean(x, new double[n], demand, capacity, ready, due, service);
    }

    /* c1 at +10 and c2 at -10, both due by 10: one vehicle cannot serve both, two drive 40. */
    @Test
    void windowsThatCannotShareAVehicleNeedTwo() {
        VrptwProblem p = line(new double[] {0, 10, -10}, new int[3], 10, new double[] {0, 0, 0},
                new double[] {1000, 10, 10});
        VrptwSolution s = new VrptwSolver(p).timeBudget(BUDGET).solve();
        VrptwCheck.assertFeasible(p, s);
        assertThat(s.vehicles()).isEqualTo(2);
        assertThat(s.distance()).isCloseTo(40, org.assertj.core.data.Offset.offset(1e-9));
    }

    /* Three customers of demand 6 with capacity 10: three vehicles, whatever the windows. */
    @Test
    void capacityForcesOneVehicleEach() {
        VrptwProblem p = line(new double[] {0, 1, 2, 3}, new int[] {0, 6, 6, 6}, 10, new double[4],
                new double[] {1000, 1000, 1000, 1000});
        VrptwSolution s = new VrptwSolver(p).timeBudget(BUDGET).solve();
        VrptwCheck.assertFeasible(p, s);
        assertThat(s.vehicles()).isEqualTo(3);
        assertThat(s.distance()).isCloseTo(12, org.assertj.core.data.Offset.offset(1e-9));
    }

    /* c1 at 10 opens at 50, c2 at 20 closes at 25: pass c1, serve c2, come back and wait; 40 in all. */
    @Test
    void windowsForceTheOrder() {
        VrptwProblem p = line(new double[] {0, 10, 20}, new int[3], 10, new double[] {0, 50, 0},
                new double[] {1000, 60, 25});
        VrptwSolution s = new VrptwSolver(p).timeBudget(BUDGET).solve();
        VrptwCheck.assertFeasible(p, s);
        assertThat(s.routes()).hasSize(1);
        assertThat(s.routes().get(0)).containsExactly(2, 1);
        assertThat(s.distance()).isCloseTo(40, org.assertj.core.data.Offset.offset(1e-9));
    }

    /* A customer whose window closes before anyone can arrive is reported unserved; the rest is served. */
    @Test
    void customerNoVehicleCanReachInTimeIsUnserved() {
        VrptwProblem p = line(new double[] {0, 10, 20}, new int[3], 10, new double[3], new double[] {1000, 5, 100});
        VrptwSolution s = new VrptwSolver(p).timeBudget(BUDGET).solve();
        VrptwCheck.assertFeasible(p, s);
        assertThat(s.unserved()).containsExactly(1);
        assertThat(s.routes()).hasSize(1);
    }

    /** Tiny random instances against an exhaustive optimum (fewest vehicles, then distance). */
    @Test
    void matchesTheExhaustiveOptimumOnTinyInstances() {
        Random random = new Random(39);
        for (int round = 0; round < 25; round++) {
            VrptwProblem p = RandomInstances.of(random, 6, 40, 15);
            double[] optimum = BruteForce.optimum(p);
            VrptwSolution s = new VrptwSolver(p).timeBudget(BUDGET).iterations(3_000).seed(round).solve();
            VrptwCheck.assertFeasible(p, s);
            if (optimum == null) {
                assertThat(s.unserved()).isNotEmpty();
                continue;
            }
            assertThat(s.unserved()).as("round %d", round).isEmpty();
            assertThat(s.vehicles()).as("vehicles, round %d", round).isEqualTo((int) optimum[0]);
            assertThat(s.distance()).as("distance, round %d", round)
                    .isCloseTo(optimum[1], org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    /** Random instances of 20–120 customers: every route feasible by the independent check. */
    @Test
    void randomSolutionsAreFeasible() {
        Random random = new Random(2026);
        for (int round = 0; round < 10; round++) {
            VrptwProblem p = RandomInstances.of(random, 20 + random.nextInt(100), 200, 30 + random.nextInt(100));
            VrptwSolution s = new VrptwSolver(p).timeBudget(Duration.ofMillis(150)).seed(round).solve();
            VrptwCheck.assertFeasible(p, s);
            if (s.unserved().isEmpty()) {
                assertThat(s.vehicles()).isGreaterThanOrEqualTo(p.capacityBound());
            }
            for (int c : s.unserved()) {
                // unserved only when even a vehicle of its own cannot make it
                double start = Math.max(p.ready()[c], p.ready()[0] + p.travelTime()[0][c]);
                assertThat(start > p.due()[c] || start + p.service()[c] + p.travelTime()[c][0] > p.due()[0])
                        .as("customer %d could be served alone", c).isTrue();
            }
        }
    }

    @Test
    void sameSeedAndIterationLimitGiveTheSameRoutes() {
        VrptwProblem p = RandomInstances.of(new Random(7), 50, 200, 60);
        VrptwSolution a = new VrptwSolver(p).timeBudget(Duration.ofSeconds(30)).iterations(2_000).seed(5).solve();
        VrptwSolution b = new VrptwSolver(p).timeBudget(Duration.ofSeconds(30)).iterations(2_000).seed(5).solve();
        assertThat(a.routes().stream().map(Arrays::toString).toList())
                .isEqualTo(b.routes().stream().map(Arrays::toString).toList());
        assertThat(a.distance()).isEqualTo(b.distance());
    }

    @Test
    void rejectsInconsistentProblems() {
        assertThatThrownBy(() -> line(new double[] {0, 1}, new int[] {0, 11}, 10, new double[2], new double[] {9, 9}))
                .hasMessageContaining("exceeds capacity");
        assertThatThrownBy(() -> line(new double[] {0, 1}, new int[2], 10, new double[] {0, 5}, new double[] {9, 4}))
                .hasMessageContaining("ready <= due");
    }
}
