package org.gridpatrol.bench;

import org.gridpatrol.routing.solve.ArrayTravelMatrix;
import org.gridpatrol.routing.solve.Checkpoint;
import org.gridpatrol.routing.solve.PatrolPlan;
import org.gridpatrol.routing.solve.PatrolPlanner;
import org.gridpatrol.routing.solve.PatrolProblem;
import org.gridpatrol.routing.solve.Team;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Ours: {@link PatrolPlanner} through its public API, one team based at node 0. */
final class PlannerRoundTrip implements RoundTripSolver {

    @Override
    public String name() {
        return "gridpatrol";
    }

    @Override
    public int[] solve(RoundTrip problem, Duration budget, long seed) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (int i = 1; i < problem.size(); i++) {
            checkpoints.add(new Checkpoint(Integer.toString(i), i, problem.priority()[i], problem.service()[i]));
        }
        long shift = problem.shift() == Long.MAX_VALUE ? Long.MAX_VALUE / 4 : problem.shift();
        PatrolProblem patrol = new PatrolProblem(ArrayTravelMatrix.ofSeconds(problem.cost()),
                List.of(new Team("bench", 0, shift)), checkpoints);
        PatrolPlan plan = new PatrolPlanner(patrol).timeBudget(budget).seed(seed).getResult();
        return plan.tours().get(0).visits().stream().mapToInt(v -> v.checkpoint().location()).toArray();
    }
}
