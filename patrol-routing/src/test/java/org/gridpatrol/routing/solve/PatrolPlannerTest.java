package org.gridpatrol.routing.solve;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatrolPlannerTest {

    private static final Duration BUDGET = Duration.ofMillis(300);

    private static List<String> ids(TeamTour tour) {
        return tour.visits().stream().map(v -> v.checkpoint().id()).toList();
    }

    /*
     *  B ---- c1 ---- c2 ---- c3 ---- c4        (100 s between neighbours)
     */
    @Test
    void lineOfFivePointsIsDrivenOutAndBack() {
        ArrayTravelMatrix m = Instances.euclidean(new long[][] {{0, 0}, {100, 0}, {200, 0}, {300, 0}, {400, 0}});
        List<Checkpoint> cps = List.of(
                new Checkpoint("c3", 3, 5, 0), new Checkpoint("c1", 1, 5, 0),
                new Checkpoint("c4", 4, 5, 0), new Checkpoint("c2", 2, 5, 0));
        PatrolProblem problem = new PatrolProblem(m, List.of(new Team("a", 0, 3600)), cps);

        PatrolPlan plan = PatrolPlanner.plan(problem, BUDGET);

        PlanChecks.assertValid(problem, plan);
        TeamTour tour = plan.tours().get(0);
        assertThat(tour.durationSeconds()).isEqualTo(800);
        assertThat(tour.meters()).isEqualTo(800);
        // any order that goes out and comes back without turning twice: e.g. c1 c2 c3 c4, or c2 c4 c3 c1
        assertThat(tour.visits().get(3).arrivalSeconds()).isGreaterThanOrEqualTo(400);
        assertThat(plan.dropped()).isEmpty();
    }

    /*
     *  c1 ------ c2
     *  |          |            (100 s sides)
     *  |          |
     *  B  ------ c3 ------------- far      (far is 300 s from B, 200 s from c3)
     *
     *  shift 650 s: the square alone is 400 s; square + far is 800 s; far + c3 is 600 s.
     */
    @Test
    void squareWithOutlierKeepsTheMostPriorityThatFits() {
        ArrayTravelMatrix m = Instances.euclidean(new long[][] {{0, 0}, {0, 100}, {100, 100}, {100, 0}, {300, 0}});
        Team team = new Team("a", 0, 650);

        PatrolProblem lowOutlier = new PatrolProblem(m, List.of(team), List.of(
                new Checkpoint("c1", 1, 5, 0), new Checkpoint("c2", 2, 5, 0), new Checkpoint("c3", 3, 5, 0),
                new Checkpoint("far", 4, 5, 0)));
        PatrolPlan plan = PatrolPlanner.plan(lowOutlier, BUDGET);
        PlanChecks.assertValid(lowOutlier, plan);
        assertThat(plan.tours().get(0).durationSeconds()).isEqualTo(400);
        assertThat(plan.dropped()).extracting(d -> d.checkpoint().id(), DroppedCheckpoint::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("far", DropReason.LOWER_PRIORITY_THAN_KEPT));

        PatrolProblem highOutlier = new PatrolProblem(m, List.of(team), List.of(
                new Checkpoint("c1", 1, 1, 0), new Checkpoint("c2", 2, 1, 0), new Checkpoint("c3", 3, 1, 0),
                new Checkpoint("far", 4, 10, 0)));
        plan = PatrolPlanner.plan(highOutlier, BUDGET);
        PlanChecks.assertValid(highOutlier, plan);
        assertThat(ids(plan.tours().get(0))).containsExactlyInAnyOrder("c3", "far");
        assertThat(plan.visitedPriority()).isEqualTo(11);
        assertThat(plan.tours().get(0).durationSeconds()).isEqualTo(600);
    }

    /*
     *  B -- c1          c2 (no road back to anything)      c3 far away (5000 s)
     *  shift 1000 s
     */
    @Test
    void unreachableAndTooFarAloneAreNamed() {
        long u = TravelMatrix.UNREACHABLE;
        long[][] s = {
                {0, 100, 50, 5000},
                {100, 0, 60, 5000},
                {u, u, 0, u},
                {5000, 5000, 5000, 0}};
        PatrolProblem problem = new PatrolProblem(ArrayTravelMatrix.ofSeconds(s), List.of(new Team("a", 0, 1000)), List.of(
                new Checkpoint("c1", 1, 3, 10), new Checkpoint("c2", 2, 3, 10), new Checkpoint("c3", 3, 3, 10)));

        PatrolPlan plan = PatrolPlanner.plan(problem, BUDGET);

        PlanChecks.assertValid(problem, plan);
        assertThat(ids(plan.tours().get(0))).containsExactly("c1");
        assertThat(plan.tours().get(0).durationSeconds()).isEqualTo(210);
        assertThat(plan.dropped()).extracting(d -> d.checkpoint().id() + ":" + d.reason())
                .containsExactly("c2:UNREACHABLE", "c3:EXCEEDS_SHIFT_ALONE");
    }

    /*
     *   w1   w2                         e1   e2
     *     BW                              BE
     *   w3   w4                         e3   e4
     *
     *  West and east clusters 1000 s apart; each team keeps its own cluster.
     */
    @Test
    void twoTeamsWithDifferentBasesKeepTheirOwnCluster() {
        long[][] points = {
                {0, 0}, {1000, 0},
                {-10, 10}, {10, 10}, {-10, -10}, {10, -10},
                {990, 10}, {1010, 10}, {990, -10}, {1010, -10}};
        List<Checkpoint> cps = List.of(
                new Checkpoint("w1", 2, 5, 0), new Checkpoint("w2", 3, 5, 0),
                new Checkpoint("w3", 4, 5, 0), new Checkpoint("w4", 5, 5, 0),
                new Checkpoint("e1", 6, 5, 0), new Checkpoint("e2", 7, 5, 0),
                new Checkpoint("e3", 8, 5, 0), new Checkpoint("e4", 9, 5, 0));
        PatrolProblem problem = new PatrolProblem(Instances.euclidean(points),
                List.of(new Team("west", 0, 3600), new Team("east", 1, 3600)), cps);

        PatrolPlan plan = PatrolPlanner.plan(problem, BUDGET);

        PlanChecks.assertValid(problem, plan);
        assertThat(ids(plan.tours().get(0))).containsExactlyInAnyOrder("w1", "w2", "w3", "w4");
        assertThat(ids(plan.tours().get(1))).containsExactlyInAnyOrder("e1", "e2", "e3", "e4");
    }

    /*
     *  Both teams at B; 6 checkpoints on a ring around B: splitting halves the longest loop.
     */
    @Test
    void twoTeamsAtOneBaseShareTheWork() {
        long[][] points = new long[7][];
        points[0] = new long[] {0, 0};
        for (int i = 0; i < 6; i++) {
            double a = Math.PI * 2 * i / 6;
            points[i + 1] = new long[] {Math.round(1000 * Math.cos(a)), Math.round(1000 * Math.sin(a))};
        }
        PatrolProblem problem = new PatrolProblem(Instances.euclidean(points),
                List.of(new Team("a", 0, 100_000), new Team("b", 0, 100_000)), Instances.checkpoints(1, 6, 5, 60));

        PatrolPlan plan = PatrolPlanner.plan(problem, BUDGET);

        PlanChecks.assertValid(problem, plan);
        assertThat(plan.tours()).allSatisfy(t -> assertThat(t.visits()).hasSize(3));
        // three neighbours on the ring: 1000 + 1000 + 1000 + 1000 + 3 × 60
        assertThat(plan.longestSeconds()).isEqualTo(4180);
    }

    @Test
    void singleLoopMatchesBruteForceOnRandomAsymmetricInstances() {
        Random random = new Random(7);
        for (int round = 0; round < 40; round++) {
            int n = 2 + random.nextInt(8); // 1..8 checkpoints plus the base
            long[][] d = Instances.randomAsymmetric(n, random);
            PatrolProblem problem = new PatrolProblem(ArrayTravelMatrix.ofSeconds(d),
                    List.of(new Team("a", 0, 1_000_000)), Instances.checkpoints(1, n - 1, 5, 0));

            // a generous budget: these small searches stop on their own (stall limits, exact loops), so the result does not depend on machine load
            PatrolPlan plan = PatrolPlanner.plan(problem, Duration.ofSeconds(5));

            PlanChecks.assertValid(problem, plan);
            assertThat(plan.tours().get(0).durationSeconds()).as("round %d, n %d", round, n)
                    .isEqualTo(Instances.bruteForceLoop(d));
        }
    }

    @Test
    void orienteeringMatchesBruteForceOnSmallInstances() {
        Random random = new Random(11);
        int matched = 0;
        for (int round = 0; round < 30; round++) {
            int n = 4 + random.nextInt(5); // 3..7 checkpoints
            long[][] d = Instances.randomAsymmetric(n, random);
            List<Checkpoint> cps = new ArrayList<>();
            for (int i = 1; i < n; i++) {
                cps.add(new Checkpoint("c" + i, i, 1 + random.nextInt(10), random.nextInt(100)));
            }
            long shift = Instances.bruteForceLoop(d) / 2 + 400;
            PatrolProblem problem = new PatrolProblem(ArrayTravelMatrix.ofSeconds(d), List.of(new Team("a", 0, shift)), cps);

            // a generous budget: these small searches stop on their own (stall limits, exact loops), so the result does not depend on machine load
            PatrolPlan plan = PatrolPlanner.plan(problem, Duration.ofSeconds(5));

            PlanChecks.assertValid(problem, plan);
            long[] best = bestSubset(d, cps, shift);
            assertThat(plan.visitedPriority()).as("round %d", round).isLessThanOrEqualTo((int) best[0]);
            if (plan.visitedPriority() == best[0] && plan.tours().get(0).durationSeconds() == best[1]) {
                matched++;
            }
        }
        // a heuristic: it must find the optimum on nearly all of these small cases
        assertThat(matched).isGreaterThanOrEqualTo(28);
    }

    /** {best priority, shortest duration with it} by enumerating subsets and tours. */
    private static long[] bestSubset(long[][] d, List<Checkpoint> cps, long shift) {
        long bestPriority = 0;
        long bestDuration = 0;
        int m = cps.size();
        for (int mask = 1; mask < 1 << m; mask++) {
            int[] nodes = new int[Integer.bitCount(mask) + 1];
            int w = 1;
            long service = 0;
            long priority = 0;
            for (int i = 0; i < m; i++) {
                if ((mask & (1 << i)) != 0) {
                    nodes[w++] = i + 1;
                    service += cps.get(i).serviceSeconds();
                    priority += cps.get(i).priority();
                }
            }
            long[][] sub = new long[nodes.length][nodes.length];
            for (int i = 0; i < nodes.length; i++) {
                for (int j = 0; j < nodes.length; j++) {
                    sub[i][j] = d[nodes[i]][nodes[j]];
                }
            }
            long duration = Instances.bruteForceLoop(sub) + service;
            if (duration <= shift && (priority > bestPriority || (priority == bestPriority && duration < bestDuration))) {
                bestPriority = priority;
                bestDuration = duration;
            }
        }
        return new long[] {bestPriority, bestDuration};
    }

    @Test
    void invariantsHoldOnLargerTightMultiTeamInstances() {
        Random random = new Random(3);
        for (int round = 0; round < 6; round++) {
            int n = 40 + random.nextInt(60);
            long[][] d = Instances.randomAsymmetric(n, random);
            List<Checkpoint> cps = new ArrayList<>();
            for (int i = 3; i < n; i++) {
                cps.add(new Checkpoint("c" + i, i, 1 + random.nextInt(10), random.nextInt(300)));
            }
            List<Team> teams = List.of(new Team("a", 0, 4000 + random.nextInt(4000)),
                    new Team("b", 1, 4000 + random.nextInt(4000)), new Team("c", 2, 2000 + random.nextInt(4000)));
            PatrolProblem problem = new PatrolProblem(ArrayTravelMatrix.ofSeconds(d), teams, cps);

            PatrolPlan plan = PatrolPlanner.plan(problem, Duration.ofMillis(200));

            PlanChecks.assertValid(problem, plan);
            assertThat(plan.dropped()).isNotEmpty();
        }
    }

    @Test
    void problemsAreValidated() {
        ArrayTravelMatrix m = Instances.euclidean(new long[][] {{0, 0}, {1, 0}});
        assertThatThrownBy(() -> new PatrolProblem(m, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("team");
        assertThatThrownBy(() -> new PatrolProblem(m, List.of(new Team("a", 0, 10)),
                List.of(new Checkpoint("x", 1, 1, 0), new Checkpoint("x", 0, 1, 0))))
                .hasMessageContaining("duplicate id x");
        assertThatThrownBy(() -> new PatrolProblem(m, List.of(new Team("a", 2, 10)), List.of()))
                .hasMessageContaining("outside the matrix");
        assertThatThrownBy(() -> new Team("a", 0, 0)).hasMessageContaining("shiftSeconds");
        assertThatThrownBy(() -> new Checkpoint("x", 0, 11, 0)).hasMessageContaining("priority");
        assertThatThrownBy(() -> new ArrayTravelMatrix(new long[][] {{0, -1}, {1, 0}}, new long[][] {{0, 1}, {1, 0}}))
                .hasMessageContaining("negative");
    }
}
