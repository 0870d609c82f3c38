package org.gridpatrol.routing.solve;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link PatrolPlanner} with time windows: hand-made cases with derived answers, and random invariants. */
class WindowedPlanningTest {

    private static final Duration BUDGET = Duration.ofMillis(300);

    private static List<String> ids(TeamTour tour) {
        return tour.visits().stream().map(v -> v.checkpoint().id()).toList();
    }

    private static Checkpoint windowed(String id, int location, int priority, long service, long open, long close) {
        return new Checkpoint(id, location, priority, service, List.of(new TimeWindow(open, close)));
    }

    /*
     *  B ---- c1 ---- c2      (100 s apart). c2 only until 250 s, c1 only from 500 s: the team must
     *  pass c1, serve c2 at 200, come back to c1 at 300, wait 200 s, and be home at 600.
     */
    @Test
    void windowsForceTheOrderAndTheWait() {
        ArrayTravelMatrix m = Instances.euclidean(new long[][] {{0, 0}, {100, 0}, {200, 0}});
        PatrolProblem problem = new PatrolProblem(m, List.of(new Team("a", 0, 3600)), List.of(
                windowed("c1", 1, 5, 0, 500, 600), windowed("c2", 2, 5, 0, 0, 250)));

        PatrolPlan plan = PatrolPlanner.plan(problem, BUDGET);

        PlanChecks.assertValid(problem, plan);
        TeamTour tour = plan.tours().get(0);
        assertThat(ids(tour)).containsExactly("c2", "c1");
        assertThat(tour.visits().get(0).arrivalSeconds()).isEqualTo(200);
        assertThat(tour.visits().get(1).arrivalSeconds()).isEqualTo(300);
        assertThat(tour.visits().get(1).waitSeconds()).isEqualTo(200);
        assertThat(tour.durationSeconds()).isEqualTo(600);
        assertThat(plan.dropped()).isEmpty();
    }

    /* An evening shift (18:00, 3 h) serves a checkpoint open 18:00–21:00; arrivals are offsets from 18:00. */
    @Test
    void shiftStartPlacesTheClock() {
        ArrayTravelMatrix m = Instances.euclidean(new long[][] {{0, 0}, {600, 0}});
        Team evening = new Team("evening", 0, 3 * 3600, 18 * 3600);
        PatrolProblem problem = new PatrolProblem(m, List.of(evening), List.of(
                windowed("bar", 1, 5, 300, 18 * 3600, 21 * 3600)));

        PatrolPlan plan = PatrolPlanner.plan(problem, BUDGET);

        PlanChecks.assertValid(problem, plan);
        TeamTour tour = plan.tours().get(0);
        assertThat(tour.visits()).hasSize(1);
        assertThat(tour.visits().get(0).arrivalSeconds()).isEqualTo(600);
        assertThat(tour.serviceStartOfDay(tour.visits().get(0))).isEqualTo(18 * 3600 + 600);
        assertThat(tour.returnOfDay()).isEqualTo(18 * 3600 + 1500);
    }

    /*
     *  Three checkpoints 100 s from the base: one closes at 50 s (cannot be reached in time), one opens
     *  after the shift is over, one has two windows of which only the second can be met.
     */
    @Test
    void windowsNoTeamCanMeetAloneAreDropped() {
        ArrayTravelMatrix m = Instances.euclidean(new long[][] {{0, 0}, {100, 0}, {0, 100}, {-100, 0}});
        PatrolProblem problem = new PatrolProblem(m, List.of(new Team("a", 0, 1000, 1000)), List.of(
                windowed("closed", 1, 9, 0, 0, 1050),
                windowed("late", 2, 9, 0, 1950, 3000),
                new Checkpoint("second", 3, 1, 60, List.of(new TimeWindow(0, 500), new TimeWindow(1400, 1500)))));

        PatrolPlan plan = PatrolPlanner.plan(problem, BUDGET);

        PlanChecks.assertValid(problem, plan);
        assertThat(plan.dropped()).extracting(d -> d.checkpoint().id() + ":" + d.reason())
                .containsExactly("closed:OUTSIDE_TIME_WINDOWS", "late:OUTSIDE_TIME_WINDOWS");
        TeamTour tour = plan.tours().get(0);
        assertThat(ids(tour)).containsExactly("second");
        assertThat(tour.serviceStartOfDay(tour.visits().get(0))).isEqualTo(1400);
    }

    /*
     *  Two checkpoints 1000 s apart (500 s either side of the base), both open only 500–520 s: one team
     *  can serve one, and keeps the higher priority; two teams serve both.
     */
    @Test
    void clashingWindowsKeepTheHigherPriorityOrUseAnotherTeam() {
        ArrayTravelMatrix m = Instances.euclidean(new long[][] {{0, 0}, {500, 0}, {-500, 0}});
        List<Checkpoint> cps = List.of(windowed("low", 1, 2, 0, 500, 520), windowed("high", 2, 8, 0, 500, 520));

        PatrolProblem one = new PatrolProblem(m, List.of(new Team("a", 0, 7200)), cps);
        PatrolPlan plan = PatrolPlanner.plan(one, BUDGET);
        PlanChecks.assertValid(one, plan);
        assertThat(ids(plan.tours().get(0))).containsExactly("high");
        assertThat(plan.dropped()).extracting(d -> d.checkpoint().id() + ":" + d.reason())
                .containsExactly("low:LOWER_PRIORITY_THAN_KEPT");

        PatrolProblem two = new PatrolProblem(m, List.of(new Team("a", 0, 7200), new Team("b", 0, 7200)), cps);
        PatrolPlan both = PatrolPlanner.plan(two, BUDGET);
        PlanChecks.assertValid(two, both);
        assertThat(both.dropped()).isEmpty();
        assertThat(both.tours()).allSatisfy(t -> assertThat(t.visits()).hasSize(1));
    }

    /** Random instances: every plan passes the independent checks; every OUTSIDE_TIME_WINDOWS drop is truly infeasible alone. */
    @Test
    void randomPlansHonourWindowsAndShifts() {
        Random random = new Random(18);
        for (int round = 0; round < 12; round++) {
            int n = 10 + random.nextInt(30);
            int teams = 1 + random.nextInt(3);
            long[][] d = Instances.randomAsymmetric(n + teams, random);
            ArrayTravelMatrix m = ArrayTravelMatrix.ofSeconds(d);
            List<Team> teamList = new ArrayList<>();
            for (int t = 0; t < teams; t++) {
                teamList.add(new Team("t" + t, t, 3000 + random.nextInt(4000), 3600L * (6 + random.nextInt(4))));
            }
            List<Checkpoint> cps = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                List<TimeWindow> windows = new ArrayList<>();
                long open = 3600L * 6 + random.nextInt(5 * 3600);
                for (int w = random.nextInt(3); w > 0; w--) {
                    long close = open + 300 + random.nextInt(2400);
                    windows.add(new TimeWindow(open, close));
                    open = close + 600 + random.nextInt(3600);
                }
                cps.add(new Checkpoint("c" + c, teams + c, 1 + random.nextInt(10), random.nextInt(300), windows));
            }
            PatrolProblem problem = new PatrolProblem(m, teamList, cps);

            PatrolPlan plan = new PatrolPlanner(problem).timeBudget(Duration.ofMillis(200)).seed(round).getResult();

            PlanChecks.assertValid(problem, plan);
            for (DroppedCheckpoint dropped : plan.dropped()) {
                if (dropped.reason() == DropReason.OUTSIDE_TIME_WINDOWS) {
                    for (Team team : teamList) {
                        assertThat(aloneFits(m, team, dropped.checkpoint())).isFalse();
                    }
                }
            }
        }
    }

    /** Independent: base → checkpoint (wait if early) → base inside the shift. */
    private static boolean aloneFits(TravelMatrix m, Team team, Checkpoint c) {
        long arrival = team.shiftStartSeconds() + m.seconds(team.baseLocation(), c.location());
        for (TimeWindow w : c.timeWindows()) {
            long start = Math.max(arrival, w.openSeconds());
            if (start <= w.closeSeconds()) {
                long back = start + c.serviceSeconds() + m.seconds(c.location(), team.baseLocation());
                return back - team.shiftStartSeconds() <= team.shiftSeconds();
            }
        }
        return false;
    }
}
