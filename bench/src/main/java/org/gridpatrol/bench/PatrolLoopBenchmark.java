package org.gridpatrol.bench;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.PointOffNetworkException;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.matrix.RoadMatrixBuilder;
import org.gridpatrol.routing.patrol.LoopCheckpoint;
import org.gridpatrol.routing.patrol.LoopRequest;
import org.gridpatrol.routing.patrol.PatrolLoopResult;
import org.gridpatrol.routing.patrol.PatrolLoops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code ./gridpatrol bench patrol-loop [--osm FILE] [--checkpoints N] [--mode foot|bike|car] [--runs R]}:
 * what {@code POST /api/patrol/routes} computes for one team and N checkpoints (default 100, random
 * street points of Andorra la Vella and Escaldes, fixed seed), timed end to end: snapping and
 * matrix, planning ({@link PatrolLoops#DEFAULT_PLANNER_BUDGET}), the road path with instructions.
 * The peer in the same run is the matrix made of N² GraphHopper point-to-point routes instead.
 */
final class PatrolLoopBenchmark {

    private PatrolLoopBenchmark() {
    }

    static int run(List<String> arguments) throws Exception {
        Path osm = Path.of("data", "sample", "andorra.osm.pbf");
        int n = 100;
        int runs = 5;
        TravelMode mode = TravelMode.FOOT;
        for (int i = 0; i < arguments.size(); i++) {
            switch (arguments.get(i)) {
                case "--osm" -> osm = Path.of(arguments.get(++i));
                case "--checkpoints" -> n = Integer.parseInt(arguments.get(++i));
                case "--mode" -> mode = TravelMode.parse(arguments.get(++i));
                case "--runs" -> runs = Integer.parseInt(arguments.get(++i));
                default -> throw new IllegalArgumentException("unknown option " + arguments.get(i));
            }
        }
        Path folder = Files.createTempDirectory("gridpatrol-bench-loop");
        try (RoutingGraph graph = RoutingGraph.loadOrBuild(osm, folder.resolve("graph"))) {
            GeoPoint base = new GeoPoint(1.5218, 42.5063);
            List<LoopCheckpoint> checkpoints = new ArrayList<>();
            Random random = new Random(42);
            while (checkpoints.size() < n) {
                GeoPoint p = new GeoPoint(1.505 + random.nextDouble() * 0.040, 42.500 + random.nextDouble() * 0.016);
                try {
                    graph.snap(mode, p, "candidate", 60);
                } catch (PointOffNetworkException e) {
                    continue;
                }
                checkpoints.add(new LoopCheckpoint("cp" + checkpoints.size(), "point", p, 1 + random.nextInt(10), 120));
            }
            LoopRequest input = new LoopRequest(mode, 8 * 3600, List.of(base), checkpoints, Instant.parse("2026-11-23T08:00:00Z"));
            for (int w = 0; w < 2; w++) {
                PatrolLoops.plan(graph, input);
            }
            double[] total = new double[runs];
            double[] matrix = new double[runs];
            List<GeoPoint> points = new ArrayList<>();
            points.add(base);
            checkpoints.forEach(c -> points.add(c.at()));
            List<String> labels = points.stream().map(p -> "p").toList();
            PatrolLoopResult last = null;
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                last = PatrolLoops.plan(graph, input);
                total[r] = (System.nanoTime() - t0) / 1e6;
                long t1 = System.nanoTime();
                RoadMatrixBuilder.build(graph, mode, points, labels);
                matrix[r] = (System.nanoTime() - t1) / 1e6;
            }
            long t2 = System.nanoTime();
            for (GeoPoint from : points) {
                for (GeoPoint to : points) {
                    if (from != to) {
                        try {
                            graph.route(mode, from, to);
                        } catch (RuntimeException unreachable) {
                            // counted like a found route: the peer pays for the search either way
                        }
                    }
                }
            }
            double pointToPoint = (System.nanoTime() - t2) / 1e6;
            double[] path = new double[runs];
            List<GeoPoint> loop = new ArrayList<>(points);
            loop.add(base);
            for (int r = 0; r < runs; r++) {
                long t3 = System.nanoTime();
                new org.gridpatrol.routing.route.StopSequenceRouter(graph, mode).route(loop);
                path[r] = (System.nanoTime() - t3) / 1e6;
            }
            double median = BenchStats.median(total);
            double max = java.util.Arrays.stream(total).max().orElse(0);
            int visited = last.loops().get(0).stops().size();
            System.out.printf(Locale.ROOT, "patrol loop, %s, %d checkpoints, 8 h shift, planner budget %d ms (%d runs after warm-up)%n",
                    mode.profileName(), n, PatrolLoops.DEFAULT_PLANNER_BUDGET.toMillis(), runs);
            System.out.printf(Locale.ROOT, "whole request (matrix + plan + road path): median %.0f ms, max %.0f ms; %s 1 s%n",
                    median, max, max < 1000 ? "under" : "NOT under");
            System.out.printf(Locale.ROOT, "  of which the %d×%d matrix: median %.1f ms; visited %d, dropped %d; peak JVM heap %d MB%n",
                    n + 1, n + 1, BenchStats.median(matrix), visited, n - visited,
                    BenchStats.peakHeapMb());
            System.out.printf(Locale.ROOT, "  road path with instructions through all %d points (GraphHopper via-routing): median %.0f ms%n",
                    loop.size(), BenchStats.median(path));
            System.out.printf(Locale.ROOT, "peer: the same matrix as %d GraphHopper point-to-point routes: %.0f ms (%.1f× our matrix)%n",
                    (n + 1) * n, pointToPoint, pointToPoint / BenchStats.median(matrix));
            return max < 1000 ? 0 : 1;
        } finally {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
