package org.gridpatrol.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./gridpatrol bench tsp [--budgets 0.2,1,5] [--runs 3] [--instances eil51,berlin52,st70,kroA100,ch150,a280]}:
 * TSPLIB instances (bundled in {@code bench/tsplib}, EUC_2D, published optima) solved by our
 * {@code PatrolPlanner} and by the peers jsprit and OR-Tools at equal time budgets, in one JVM, after
 * one untimed warm-up solve each. Prints median and best gap to the optimum, median and max wall time
 * (model building included), peak heap per solver, and the process's peak RSS.
 */
final class TspBenchmark {

    private TspBenchmark() {
    }

    static int run(List<String> arguments) {
        String budgetList = "0.2,1,5";
        int runs = 3;
        String instanceList = "eil51,berlin52,st70,kroA100,ch150,a280";
        for (int i = 0; i < arguments.size(); i++) {
            switch (arguments.get(i)) {
                case "--budgets" -> budgetList = arguments.get(++i);
                case "--runs" -> runs = Integer.parseInt(arguments.get(++i));
                case "--instances" -> instanceList = arguments.get(++i);
                default -> throw new IllegalArgumentException("unknown option " + arguments.get(i));
            }
        }
        List<Duration> budgets = SolverComparison.budgets(budgetList);
        List<TsplibInstance> instances = new ArrayList<>();
        for (String name : instanceList.split(",")) {
            instances.add(TsplibInstance.load(name));
        }
        List<RoundTripSolver> solvers = SolverComparison.all();
        RoundTrip warmUp = RoundTrip.tsp(instances.get(0).distances());
        for (RoundTripSolver solver : solvers) {
            solver.solve(warmUp, Duration.ofMillis(200), 999);
        }
        System.out.printf(Locale.ROOT, "%d cores, Java %s, %d run(s) per cell; gap = (length - optimum) / optimum%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), runs);
        System.out.println("| instance (opt) | budget s | solver | median len | median gap | best gap | median ms | max ms | peak heap MB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        boolean allFeasible = true;
        for (TsplibInstance instance : instances) {
            RoundTrip problem = RoundTrip.tsp(instance.distances());
            for (Duration budget : budgets) {
                List<SolverComparison.Result> results = new ArrayList<>();
                for (RoundTripSolver solver : solvers) {
                    SolverComparison.Result result = SolverComparison.run(solver, problem, budget, runs);
                    results.add(result);
                    allFeasible &= result.allFeasible();
                    System.out.printf(Locale.ROOT, "| %s (%d) | %.1f | %s | %d | %.2f%% | %.2f%% | %d | %d | %d |%s%n",
                            instance.name(), instance.optimum(), budget.toMillis() / 1000.0, result.solver(),
                            result.medianTravel(), gap(result.medianTravel(), instance.optimum()),
                            gap(result.bestTravel(), instance.optimum()), result.medianWall(), result.maxWall(),
                            result.peakHeapMb(), result.allFeasible() ? "" : " INVALID TOUR");
                }
                SolverComparison.Result ours = results.get(0);
                System.out.printf(Locale.ROOT, "|  | | ratio median len jsprit/ours %.4f, OR-Tools/ours %.4f | | | | | | |%n",
                        (double) results.get(1).medianTravel() / ours.medianTravel(),
                        (double) results.get(2).medianTravel() / ours.medianTravel());
            }
        }
        System.out.printf(Locale.ROOT, "process peak RSS (incl. OR-Tools native memory): %d MB%n", BenchStats.peakResidentKb() / 1024);
        return allFeasible ? 0 : 1;
    }

    private static double gap(long length, long optimum) {
        return 100.0 * (length - optimum) / optimum;
    }
}
