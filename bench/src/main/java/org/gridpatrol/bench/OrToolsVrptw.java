package org.gridpatrol.bench;

import com.google.ortools.Loader;
import com.google.ortools.constraintsolver.Assignment;
import com.google.ortools.constraintsolver.FirstSolutionStrategy;
import com.google.ortools.constraintsolver.LocalSearchMetaheuristic;
import com.google.ortools.constraintsolver.RoutingDimension;
import com.google.ortools.constraintsolver.RoutingIndexManager;
import com.google.ortools.constraintsolver.RoutingModel;
import com.google.ortools.constraintsolver.RoutingSearchParameters;
import com.google.ortools.constraintsolver.main;
import org.gridpatrol.routing.solve.tw.VrptwProblem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Peer: OR-Tools routing on a VRPTW (PEERS.md): a fleet of ⌈customers / 4⌉ vehicles (25 for Solomon,
 * more than any best-known solution uses) with a fixed cost of {@link VrptwPeer#FIXED_COST}; a capacity
 * dimension; a time dimension (travel + service at the arc's origin, waiting allowed) with each
 * customer's window as hard cumul range and the depot's hours on every start and end. OR-Tools needs
 * integers: costs are distances × 1000 rounded, times × 1000 rounded up (so a schedule OR-Tools accepts
 * is also feasible in exact doubles). PATH_CHEAPEST_ARC, then guided local search until the time limit.
 * Deterministic: the seed is ignored.
 */
final class OrToolsVrptw implements VrptwPeer {

    private static final double SCALE = 1000;

    static {
        Loader.loadNativeLibraries();
    }

    @Override
    public String name() {
        return "OR-Tools";
    }

    @Override
    public List<int[]> solve(VrptwProblem problem, Duration budget, long seed) {
        int n = problem.size();
        int fleet = Math.max(1, (problem.customers() + 3) / 4);
        long[][] cost = new long[n][n];
        long[][] time = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cost[i][j] = Math.round(problem.distance()[i][j] * SCALE);
                time[i][j] = (long) Math.ceil((problem.travelTime()[i][j] + problem.service()[i]) * SCALE - 1e-6);
            }
        }
        RoutingIndexManager manager = new RoutingIndexManager(n, fleet, 0);
        RoutingModel model = new RoutingModel(manager);
        int arc = model.registerTransitCallback((long from, long to) ->
                cost[manager.indexToNode(from)][manager.indexToNode(to)]);
        model.setArcCostEvaluatorOfAllVehicles(arc);
        model.setFixedCostOfAllVehicles(Math.round(FIXED_COST * SCALE));
        int load = model.registerUnaryTransitCallback((long from) -> problem.demand()[manager.indexToNode(from)]);
        long[] capacities = new long[fleet];
        java.util.Arrays.fill(capacities, problem.capacity());
        model.addDimensionWithVehicleCapacity(load, 0, capacities, true, "load");
        int clock = model.registerTransitCallback((long from, long to) ->
                time[manager.indexToNode(from)][manager.indexToNode(to)]);
        long horizon = (long) Math.floor(problem.due()[0] * SCALE);
        model.addDimension(clock, horizon, horizon, false, "time");
        RoutingDimension timeDimension = model.getMutableDimension("time");
        for (int i = 1; i < n; i++) {
            timeDimension.cumulVar(manager.nodeToIndex(i)).setRange(
                    (long) Math.ceil(problem.ready()[i] * SCALE), (long) Math.floor(problem.due()[i] * SCALE));
        }
        long open = (long) Math.ceil(problem.ready()[0] * SCALE);
        for (int v = 0; v < fleet; v++) {
            timeDimension.cumulVar(model.start(v)).setRange(open, horizon);
            timeDimension.cumulVar(model.end(v)).setRange(open, horizon);
        }
        long nanos = budget.toNanos();
        RoutingSearchParameters parameters = main.defaultRoutingSearchParameters().toBuilder()
                .setFirstSolutionStrategy(FirstSolutionStrategy.Value.PATH_CHEAPEST_ARC)
                .setLocalSearchMetaheuristic(LocalSearchMetaheuristic.Value.GUIDED_LOCAL_SEARCH)
                .setTimeLimit(com.google.protobuf.Duration.newBuilder()
                        .setSeconds(nanos / 1_000_000_000L).setNanos((int) (nanos % 1_000_000_000L)).build())
                .build();
        Assignment solution = model.solveWithParameters(parameters);
        List<int[]> routes = new ArrayList<>();
        if (solution == null) {
            routes.add(new int[0]); // no solution within the limit
            return routes;
        }
        for (int v = 0; v < fleet; v++) {
            List<Integer> route = new ArrayList<>();
            long index = solution.value(model.nextVar(model.start(v)));
            while (!model.isEnd(index)) {
                route.add(manager.indexToNode(index));
                index = solution.value(model.nextVar(index));
            }
            if (!route.isEmpty()) {
                routes.add(route.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return routes;
    }
}
