package org.gridpatrol.bench;

import com.google.ortools.Loader;
import com.google.ortools.constraintsolver.Assignment;
import com.google.ortools.constraintsolver.FirstSolutionStrategy;
import com.google.ortools.constraintsolver.LocalSearchMetaheuristic;
import com.google.ortools.constraintsolver.RoutingIndexManager;
import com.google.ortools.constraintsolver.RoutingModel;
import com.google.ortools.constraintsolver.RoutingSearchParameters;
import com.google.ortools.constraintsolver.main;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Peer: OR-Tools routing as PEERS.md §4 ran it (PATH_CHEAPEST_ARC, then guided local search until the
 * time limit). For a shift: a time dimension (travel + service at the origin of each arc) capped at
 * the shift, and each node in its own disjunction with penalty priority × (shift + 1), so a kept
 * priority point always outweighs any travel saved (most priority first, then shortest).
 * Deterministic: the seed is ignored.
 */
final class OrToolsRoundTrip implements RoundTripSolver {

    static {
        Loader.loadNativeLibraries();
    }

    @Override
    public String name() {
        return "OR-Tools";
    }

    @Override
    public int[] solve(RoundTrip problem, Duration budget, long seed) {
        int n = problem.size();
        long[][] cost = problem.cost();
        long[] service = problem.service();
        RoutingIndexManager manager = new RoutingIndexManager(n, 1, 0);
        RoutingModel model = new RoutingModel(manager);
        int travel = model.registerTransitCallback((long from, long to) ->
                cost[manager.indexToNode(from)][manager.indexToNode(to)]);
        model.setArcCostEvaluatorOfAllVehicles(travel);
        if (problem.shift() != Long.MAX_VALUE) {
            int time = model.registerTransitCallback((long from, long to) -> {
                int a = manager.indexToNode(from);
                return cost[a][manager.indexToNode(to)] + service[a];
            });
            model.addDimension(time, 0, problem.shift(), true, "time");
            for (int i = 1; i < n; i++) {
                model.addDisjunction(new long[] {manager.nodeToIndex(i)}, problem.priority()[i] * (problem.shift() + 1));
            }
        }
        long nanos = budget.toNanos();
        RoutingSearchParameters parameters = main.defaultRoutingSearchParameters().toBuilder()
                .setFirstSolutionStrategy(FirstSolutionStrategy.Value.PATH_CHEAPEST_ARC)
                .setLocalSearchMetaheuristic(LocalSearchMetaheuristic.Value.GUIDED_LOCAL_SEARCH)
                .setTimeLimit(com.google.protobuf.Duration.newBuilder()
                        .setSeconds(nanos / 1_000_000_000L).setNanos((int) (nanos % 1_000_000_000L)).build())
                .build();
        Assignment solution = model.solveWithParameters(parameters);
        if (solution == null) {
            return new int[0];
        }
        List<Integer> order = new ArrayList<>();
        long index = model.start(0);
        while (!model.isEnd(index)) {
            int node = manager.indexToNode(index);
            if (node != 0) {
                order.add(node);
            }
            index = solution.value(model.nextVar(index));
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }
}
