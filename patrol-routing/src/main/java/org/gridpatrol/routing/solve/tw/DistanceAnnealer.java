package org.gridpatrol.routing.solve.tw;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Distance minimisation at a fixed or shrinking fleet: ruin and recreate (no new routes; a candidate
 * that leaves anyone out is rejected) with simulated-annealing acceptance, the temperature falling
 * geometrically from {@link #T_START} to {@link #T_END} (in units of distance, scaled by the mean edge
 * of the start solution) over the time budget. A candidate that empties a route is always better
 * (fewest vehicles first).
 */
final class DistanceAnnealer {

    static final double T_START = 10;
    static final double T_END = 0.1;

    private final VrptwProblem problem;
    private final StringRuin ruin;
    private final BlinkInsertion recreate;

    DistanceAnnealer(VrptwProblem problem, StringRuin ruin, BlinkInsertion recreate) {
        this.problem = problem;
        this.ruin = ruin;
        this.recreate = recreate;
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
        double t0 = T_START * scale / 10;
        double t1 = T_END * scale / 10;
        double span = Math.max(1, deadlineNanos - startNanos);
        List<Integer> removed = new ArrayList<>();
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
            if (recreate.recreate(candidate, removed, false, random) > 0) {
                continue;
            }
            double threshold = current.distance() - temperature * Math.log(random.nextDouble());
            if (candidate.count < current.count || (candidate.count == current.count
                    && candidate.distance() < threshold)) {
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
}
