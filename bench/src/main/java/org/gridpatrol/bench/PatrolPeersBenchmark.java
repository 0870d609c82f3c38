package org.gridpatrol.bench;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.PointOffNetworkException;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.SnappedPoint;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.matrix.RoadMatrix;
import org.gridpatrol.routing.matrix.RoadMatrixBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code ./gridpatrol bench patrol-peers [--sizes 20,50,100,200] [--budgets 0.2,1,5] [--runs 1] [--osm FILE]}:
 * patrol loops on real car travel times of the bundled Andorra extract. Checkpoints are random road
 * points (fixed seed) in the Andorra la Vella – Escaldes – Encamp valleys, snapped within 30 m and kept
 * only when every pair is reachable both ways; the matrix comes from {@link RoadMatrixBuilder}.
 * Two cases per size: a plain loop (travel seconds, lower is better), and a short shift (half of the
 * loop's time with 120 s service per checkpoint, priorities 1–10 at random: total priority kept,
 * higher is better). Ours vs jsprit vs OR-Tools at equal budgets, one JVM; prints ratios and memory.
 */
final class PatrolPeersBenchmark {

    private static final long SERVICE_SECONDS = 120;

    private PatrolPeersBenchmark() {
    }

    static int run(List<String> arguments) throws Exception {
        String sizeList = "20,50,100,200";
        String budgetList = "0.2,1,5";
        int runs = 1;
        Path osm = Path.of("data/sample/andorra.osm.pbf").toAbsolutePath();
        for (int i = 0; i < arguments.size(); i++) {
            switch (arguments.get(i)) {
                case "--sizes" -> sizeList = arguments.get(++i);
                case "--budgets" -> budgetList = arguments.get(++i);
                case "--runs" -> runs = Integer.parseInt(arguments.get(++i));
                case "--osm" -> osm = Path.of(arguments.get(++i)).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + arguments.get(i));
            }
        }
        List<Integer> sizes = new ArrayList<>();
        for (String s : sizeList.split(",")) {
            sizes.add(Integer.parseInt(s));
        }
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<Duration> budgets = SolverComparison.budgets(budgetList);
        Path graphFolder = Files.createTempDirectory("gridpatrol-bench-peers");
        try (RoutingGraph graph = RoutingGraph.loadOrBuild(osm, graphFolder)) {
            List<GeoPoint> points = roadPoints(graph, largest + 1);
            List<RoundTripSolver> solvers = SolverComparison.all();
            System.out.printf(Locale.ROOT, "%d cores, Java %s, %d run(s) per cell, car travel times, Andorra%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), runs);
            System.out.println("| checkpoints | matrix ms | case | budget s | solver | median travel s | median priority | duration s | shift s | median ms | max ms | peak heap MB | vs ours |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            boolean warmedUp = false;
            boolean allFeasible = true;
            for (int size : sizes) {
                List<GeoPoint> subset = points.subList(0, size + 1);
                List<String> labels = new ArrayList<>();
                for (int i = 0; i <= size; i++) {
                    labels.add(i == 0 ? "base" : "p" + i);
                }
                long start = System.nanoTime();
                RoadMatrix matrix = RoadMatrixBuilder.build(graph, TravelMode.CAR, subset, labels);
                long matrixMs = (System.nanoTime() - start) / 1_000_000;
                RoundTrip loop = RoundTrip.tsp(matrix.seconds());
                if (!warmedUp) {
                    for (RoundTripSolver solver : solvers) {
                        solver.solve(loop, Duration.ofMillis(200), 999);
                    }
                    warmedUp = true;
                }
                RoundTrip shortShift = shortShift(loop, solvers.get(0));
                for (RoundTrip problem : List.of(loop, shortShift)) {
                    boolean orienteering = problem.shift() != Long.MAX_VALUE;
                    for (Duration budget : budgets) {
                        List<SolverComparison.Result> results = new ArrayList<>();
                        for (RoundTripSolver solver : solvers) {
                            results.add(SolverComparison.run(solver, problem, budget, runs));
                        }
                        SolverComparison.Result ours = results.get(0);
                        for (SolverComparison.Result r : results) {
                            allFeasible &= r.allFeasible();
                            String ratio = orienteering
                                    ? String.format(Locale.ROOT, "priority %.3f", (double) r.medianPriority() / ours.medianPriority())
                                    : String.format(Locale.ROOT, "travel %.3f", (double) r.medianTravel() / ours.medianTravel());
                            RoundTrip.Outcome median = r.outcomes().get(0);
                            System.out.printf(Locale.ROOT, "| %d | %d | %s | %.1f | %s | %d | %s | %d | %s | %d | %d | %d | %s |%s%n",
                                    size, matrixMs, orienteering ? "short shift" : "loop", budget.toMillis() / 1000.0,
                                    r.solver(), r.medianTravel(), orienteering ? Integer.toString(r.medianPriority()) : "all",
                                    median.duration(), orienteering ? Long.toString(problem.shift()) : "-",
                                    r.medianWall(), r.maxWall(), r.peakHeapMb(), ratio,
                                    r.allFeasible() ? "" : " INFEASIBLE");
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "process peak RSS (incl. OR-Tools native memory): %d MB%n", BenchStats.peakResidentKb() / 1024);
            return allFeasible ? 0 : 1;
        } finally {
            deleteTree(graphFolder);
        }
    }

    /** Half the time of our 1 s loop (service included), 120 s per stop, priorities 1..10 (seed 7). */
    private static RoundTrip shortShift(RoundTrip loop, RoundTripSolver ours) {
        int n = loop.size();
        long[] service = new long[n];
        int[] priority = new int[n];
        Random random = new Random(7);
        for (int i = 1; i < n; i++) {
            service[i] = SERVICE_SECONDS;
            priority[i] = 1 + random.nextInt(10);
        }
        RoundTrip full = new RoundTrip(loop.cost(), service, priority, Long.MAX_VALUE);
        long duration = full.evaluate(ours.solve(full, Duration.ofSeconds(1), 1)).duration();
        return new RoundTrip(loop.cost(), service, priority, duration / 2);
    }

    /** {@code count} random road points, every pair reachable both ways by car. */
    private static List<GeoPoint> roadPoints(RoutingGraph graph, int count) {
        Random random = new Random(42);
        List<GeoPoint> points = new ArrayList<>();
        int attempts = 0;
        while (points.size() < count + count / 4 && attempts++ < 200_000) {
            GeoPoint candidate = new GeoPoint(1.49 + random.nextDouble() * 0.11, 42.46 + random.nextDouble() * 0.11);
            try {
                SnappedPoint snapped = graph.snap(TravelMode.CAR, candidate, "candidate", 30);
                points.add(snapped.snapped());
            } catch (PointOffNetworkException e) {
                // off the road network: draw again
            }
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            labels.add("c" + i);
        }
        RoadMatrix matrix = RoadMatrixBuilder.build(graph, TravelMode.CAR, points, labels);
        // drop the point with most unreachable pairs until none is left
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            keep.add(i);
        }
        while (true) {
            int worst = -1;
            int worstCount = 0;
            for (int i : keep) {
                int bad = 0;
                for (int j : keep) {
                    if (matrix.seconds()[i][j] == RoadMatrix.UNREACHABLE || matrix.seconds()[j][i] == RoadMatrix.UNREACHABLE) {
                        bad++;
                    }
                }
                if (bad > worstCount) {
                    worst = i;
                    worstCount = bad;
                }
            }
            if (worst < 0) {
                break;
            }
            keep.remove(Integer.valueOf(worst));
        }
        if (keep.size() < count) {
            throw new IllegalStateException("only " + keep.size() + " mutually reachable road points, " + count + " needed");
        }
        List<GeoPoint> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            result.add(points.get(keep.get(i)));
        }
        return result;
    }

    private static void deleteTree(Path folder) throws java.io.IOException {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
