package org.gridpatrol.routing.solve;

import java.util.HashMap;
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
                time += visit.checkpoint().serviceSeconds();
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
