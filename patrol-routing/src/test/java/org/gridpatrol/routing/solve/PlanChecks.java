package org.gridpatrol.routing.solve;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants every plan must satisfy, recomputed from the problem's matrix. */
final class PlanChecks {

    private PlanChecks() {
    }

    static void assertValid(PatrolProblem problem, PatrolPlan plan) {
        Map<String, Integer> seen = new HashMap<>();
        for (TeamTour tour : plan.tours()) {
            for (Visit visit : tour.visits()) {
                seen.merge(visit.checkpoint().id(), 1, Integer::sum);
            }
        }
        for (DroppedCheckpoint dropped : plan.dropped()) {
            seen.merge(dropped.checkpoint().id(), 1, Integer::sum);
        }
        for (Checkpoint checkpoint : problem.checkpoints()) {
            assertThat(seen.get(checkpoint.id())).as("times %s is visited or dropped", checkpoint.id()).isEqualTo(1);
        }
        assertThat(seen).hasSameSizeAs(problem.checkpoints());
        assertThat(plan.tours()).extracting(TeamTour::team).containsExactlyElementsOf(problem.teams());
        TravelMatrix m = problem.matrix();
        for (TeamTour tour : plan.tours()) {
            long time = 0;
            long meters = 0;
            int at = tour.team().baseLocation();
            for (Visit visit : tour.visits()) {
                time += m.seconds(at, visit.checkpoint().location());
                meters += m.meters(at, visit.checkpoint().location());
                assertThat(visit.arrivalSeconds()).isEqualTo(time);
                long arrivalOfDay = tour.team().shiftStartSeconds() + time;
                long startOfDay = tour.serviceStartOfDay(visit);
                List<TimeWindow> windows = visit.checkpoint().timeWindows();
                if (windows.isEmpty()) {
                    assertThat(visit.waitSeconds()).as("wait without windows").isZero();
                } else {
                    TimeWindow used = windows.stream().filter(w -> w.admits(startOfDay)).findFirst().orElse(null);
                    assertThat(used).as("service of %s at %d s inside one of %s", visit.checkpoint().id(),
                            startOfDay, windows).isNotNull();
                    if (visit.waitSeconds() > 0) {
                        // waiting only when early: service starts when the window opens
                        assertThat(startOfDay).isEqualTo(used.openSeconds());
                        assertThat(arrivalOfDay).isLessThan(used.openSeconds());
                    }
                }
                time += visit.waitSeconds() + visit.checkpoint().serviceSeconds();
                at = visit.checkpoint().location();
            }
            time += m.seconds(at, tour.team().baseLocation());
            meters += m.meters(at, tour.team().baseLocation());
            assertThat(tour.durationSeconds()).isEqualTo(time);
            assertThat(tour.meters()).isEqualTo(meters);
            assertThat(tour.durationSeconds()).as("shift of %s", tour.team().name())
                    .isLessThanOrEqualTo(tour.team().shiftSeconds());
        }
    }
}
