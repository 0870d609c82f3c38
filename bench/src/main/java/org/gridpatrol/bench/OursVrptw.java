package org.gridpatrol.bench;

import org.gridpatrol.routing.solve.tw.VrptwProblem;
import org.gridpatrol.routing.solve.tw.VrptwSolver;

import java.time.Duration;
import java.util.List;

/** Our {@link VrptwSolver} at the given budget and seed. */
final class OursVrptw implements VrptwPeer {

    @Override
    public String name() {
        return "ours";
    }

    @Override
    public List<int[]> solve(VrptwProblem problem, Duration budget, long seed) {
        return new VrptwSolver(problem).timeBudget(budget).seed(seed).solve().routes();
    }
}
