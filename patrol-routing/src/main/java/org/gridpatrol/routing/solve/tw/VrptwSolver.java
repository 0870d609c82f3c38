package org.gridpatrol.routing.solve.tw;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Solves a {@link VrptwProblem}: fewest vehicles first, then the shortest total distance.
 *
 * <ol>
 *   <li>Start: every customer by blinking cheapest insertion, opening routes as needed. Customers that
 *       cannot be served even alone (window or capacity) are reported as unserved.</li>
 *   <li>Fleet minimisation ({@link EjectionReducer}) for up to {@link #FLEET_SHARE} of the budget, ending
 *       early at the capacity lower bound or when an attempt to empty a route stalls.</li>
 *   <li>Distance minimisation ({@link DistanceAnnealer}: ruin and recreate, simulated annealing, and
 *       {@link GranularDescent} on promising candidates) for the rest.</li>
 * </ol>
 *
 * <p>Every route of the result respects capacity, windows (service starts by the due time, waiting when
 * early) and the depot's closing time. The budget bounds the search (checked every few iterations, so it
 * may be exceeded by a fraction of a millisecond plus the O(n²) set-up). Deterministic for a seed when an
 * {@link #iterations(long)} limit, not the clock, ends the search.
 */
public final class VrptwSolver {

    /** Share of the budget the fleet minimisation may take. */
    static final double FLEET_SHARE = 0.6;

    private final VrptwProblem problem;
    private Duration timeBudget = Duration.ofSeconds(1);
    private long seed = 20_261_205L;
    private long iterations = Long.MAX_VALUE;

    public VrptwSolver(VrptwProblem problem) {
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The search stops at this budget at the latest (default 1 s); must be positive. */
    public VrptwSolver timeBudget(Duration budget) {
        Objects.requireNonNull(budget, "timeBudget");
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be positive, was " + budget);
        }
        this.timeBudget = budget;
        return this;
    }

    public VrptwSolver seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Also stop after this many ruin-and-recreate iterations per phase (default unlimited); with a budget
     * that is not reached, the result then depends on the seed only.
     */
    public VrptwSolver iterations(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("iterations must be >= 0");
        }
        this.iterations = limit;
        return this;
    }

    public VrptwSolution solve() {
        long start = System.nanoTime();
        long deadline = start + timeBudget.toNanos();
        SplittableRandom random = new SplittableRandom(seed);
        StringRuin ruin = new StringRuin(problem);
        BlinkInsertion recreate = new BlinkInsertion(problem);
        Routes best = new Routes(problem);
        List<Integer> all = new ArrayList<>();
        for (int c = 1; c < problem.size(); c++) {
            all.add(c);
        }
        recreate.recreate(best, all, true, random);
        List<Integer> unserved = new ArrayList<>();
        for (int i = 0; i < best.absentCount; i++) {
            unserved.add(best.absent[i]);
        }
        best.absentCount = 0; // not servable even alone: out of the search for good
        if (best.count > 0) {
            long fleetDeadline = start + (long) (timeBudget.toNanos() * FLEET_SHARE);
            new EjectionReducer(problem, ruin, recreate).reduce(best, fleetDeadline, iterations, random);
            new DistanceAnnealer(problem, ruin, recreate, new GranularDescent(problem, ruin))
                    .anneal(best, System.nanoTime(), deadline, iterations, random);
        }
        unserved.sort(null);
        return new VrptwSolution(best.export(), best.distance(), unserved);
    }
}
