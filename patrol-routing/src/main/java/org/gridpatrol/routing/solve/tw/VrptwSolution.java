package org.gridpatrol.routing.solve.tw;

import java.util.List;

/**
 * Routes of a {@link VrptwProblem}: each is the customer sequence of one vehicle (depot not listed),
 * {@code distance} the sum over all routes including the legs from and to the depot. {@code unserved}
 * lists customers in no route (empty when the solver succeeded; non-empty only when some customer cannot
 * be served even alone).
 */
public record VrptwSolution(List<int[]> routes, double distance, List<Integer> unserved) {

    public VrptwSolution {
        routes = routes.stream().map(int[]::clone).toList();
        unserved = List.copyOf(unserved);
    }

    /** Vehicles used (non-empty routes). */
    public int vehicles() {
        return routes.size();
    }

    /** Whether this is better than {@code other}: fewer unserved, then fewer vehicles, then shorter. */
    public boolean betterThan(VrptwSolution other) {
        if (unserved.size() != other.unserved.size()) {
            return unserved.size() < other.unserved.size();
        }
        if (vehicles() != other.vehicles()) {
            return vehicles() < other.vehicles();
        }
        return distance < other.distance - 1e-9;
    }
}
