package org.gridpatrol.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs several {@link RoundTripSolver}s on one {@link RoundTrip} at one budget, {@code runs} times
 * each (seeds 1..runs), and keeps wall time (model building included), the checked outcome, and the
 * peak JVM heap during each solver's runs.
 */
final class SolverComparison {

    record Result(String solver, List<RoundTrip.Outcome> outcomes, long[] wallMillis, long peakHeapMb) {

        long medianTravel() {
            long[] t = outcomes.stream().mapToLong(RoundTrip.Outcome::travel).sorted().toArray();
            return t[t.length / 2];
        }

        long bestTravel() {
            return outcomes.stream().mapToLong(RoundTrip.Outcome::travel).min().orElseThrow();
        }

        int medianPriority() {
            int[] p = outcomes.stream().mapToInt(RoundTrip.Outcome::priority).sorted().toArray();
            return p[p.length / 2];
        }

        long medianWall() {
            long[] w = wallMillis.clone();
            Arrays.sort(w);
            return w[w.length / 2];
        }

        long maxWall() {
            return Arrays.stream(wallMillis).max().orElseThrow();
        }

        boolean allFeasible() {
            return outcomes.stream().allMatch(RoundTrip.Outcome::feasible);
        }
    }

    private SolverComparison() {
    }

    static {
        // jsprit logs every iteration at INFO; the benchmark prints its own table
        if (org.slf4j.LoggerFactory.getLogger("com.graphhopper.jsprit") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    static Result run(RoundTripSolver solver, RoundTrip problem, Duration budget, int runs) {
        resetPeaks();
        List<RoundTrip.Outcome> outcomes = new ArrayList<>();
        long[] wall = new long[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            int[] order = solver.solve(problem, budget, r + 1);
            wall[r] = (System.nanoTime() - start) / 1_000_000;
            outcomes.add(problem.evaluate(order));
        }
        return new Result(solver.name(), outcomes, wall, BenchStats.peakHeapMb());
    }

    static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The three solvers in the order the tables print them. */
    static List<RoundTripSolver> all() {
        return List.of(new PlannerRoundTrip(), new JspritRoundTrip(), new OrToolsRoundTrip());
    }

    static List<Duration> budgets(String list) {
        List<Duration> budgets = new ArrayList<>();
        for (String part : list.split(",")) {
            budgets.add(Duration.ofMillis(Math.round(Double.parseDouble(part) * 1000)));
        }
        return budgets;
    }
}
