package org.gridpatrol.routing.solve.tw;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Distance minimisation after the fleet phase: ruin and recreate with simulated-annealing acceptance,
 * the temperature falling geometrically from {@link #T_START} to {@link #T_END} mean edges of the start
 * solution over the time budget. The recreate may open routes, each above the best fleet priced
 * {@link #EXTRA_ROUTE} mean edges, so the search can pass through them; the best solution kept never has
 * more vehicles than before (fewest vehicles first, a candidate with fewer always wins). Candidates
 * close to acceptance ({@link #PROMISING}) get {@link GranularDescent} first.
 */
final class DistanceAnnealer {

    static final double T_START = 1;
    static final double T_END = 0.01;

    /** Price of a route above the best fleet, in mean edges: the search may pass through such states. */
    static final double EXTRA_ROUTE = 10;

    /** A candidate within this share of the current distance above the threshold gets the local search. */
    static final double PROMISING = 0.01;

    private final VrptwProblem problem;
    private final StringRuin ruin;
    private final BlinkInsertion recreate;
    private final GranularDescent descent;

    DistanceAnnealer(VrptwProblem problem, StringRuin ruin, BlinkInsertion recreate, GranularDescent descent) {
        this.problem = problem;
        this.ruin = ruin;
        this.recreate = recreate;
        this.descent = descent;
    }

    /**
     * Improves {@code best} (complete, feasible) in place until the deadline or {@code iterations}; the
     * schedule follows the clock, or the iteration count when {@code iterations} is the limit.
     */
    long anneal(Routes best, long startNanos, long deadlineNanos, long iterations, SplittableRandom random) {
        Routes current = new Routes(problem);
        Routes candidate = new Routes(problem);
        current.copyFrom(best);
        double scale = best.distance() / Math.max(1, problem.customers() + best.count) ;
        double t0 = T_START * scale;
        double t1 = T_END * scale;
        double span = Math.max(1, deadlineNanos - startNanos);
        List<Integer> removed = new ArrayList<>();
        double extraRoute = EXTRA_ROUTE * scale;
        long done = 0;
        double temperature = t0;
        while (done < iterations) {
            if ((done & 15) == 0) {
                long now = System.nanoTime();
                if (now >= deadlineNanos) {
                    break;
                }
                double progress = iterations == Long.MAX_VALUE ? (now - startNanos) / span
                        : (double) done / iterations;
                temperature = t0 * Math.pow(t1 / t0, Math.min(1, progress));
            }
            done++;
            candidate.copyFrom(current);
            removed.clear();
            ruin.ruin(candidate, random, removed);
            if (recreate.recreate(candidate, removed, true, random) > 0) {
                continue;
            }
            double threshold = cost(current, best.count, extraRoute) - temperature * Math.log(random.nextDouble());
            if (descent != null && cost(candidate, best.count, extraRoute) < threshold + PROMISING * current.distance()) {
                // local search only on candidates close to acceptance: most R&R candidates are far off
                descent.descend(candidate, random);
            }
            if (candidate.count < best.count || cost(candidate, best.count, extraRoute) < threshold) {
                Routes swap = current;
                current = candidate;
                candidate = swap;
                if (current.count < best.count
                        || (current.count == best.count && current.distance() < best.distance() - 1e-9)) {
                    best.copyFrom(current);
                }
            }
        }
        return done;
    }

    private static double cost(Routes routes, int fleet, double extraRoute) {
        return routes.distance() + Math.max(0, routes.count - fleet) * extraRoute;
    }
}
