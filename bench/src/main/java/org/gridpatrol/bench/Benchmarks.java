package org.gridpatrol.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Entry point of {@code bench/target/gridpatrol-bench.jar}, behind {@code ./gridpatrol bench NAME [ARGS…]}:
 * dispatches {@code NAME} to its benchmark with the remaining arguments, which each benchmark reads
 * itself. Exit status 0 on success, 1 when the benchmark failed, 2 for a missing or unknown name.
 */
public final class Benchmarks {

    public static final List<String> NAMES = List.of("osm-import", "assignment", "plan-edit", "tiles", "tsp", "patrol-peers", "matrix", "patrol-loop", "generate", "gcj02", "import", "cluster", "vrptw", "load", "visit-plan", "map-matching", "crash");

    public static final String USAGE = """
            Usage: ./gridpatrol bench NAME [ARGS]   (or java -jar bench/target/gridpatrol-bench.jar NAME [ARGS])

            Benchmarks, each against a real peer on the same data (results in docs/benchmarks.md):
              osm-import [FILE…] [--runs N] [--jar APP_JAR]
                                  our import-osm (the application jar, default web-map/target/gridpatrol.jar)
                                  against plain osm2pgsql
              assignment [--households N] [--blocks M] [--runs R]
              plan-edit [--households N] [--blocks M] [--grids G] [--edits E]
              tiles [--households N] [--blocks M] [--grids G] [--samples S] [--warmup W] [--seconds T] [--folder DIR]
                                  the application's tiles against bare SQL; cached throughput with wrk
              tsp [--budgets 0.2,1,5] [--runs 3] [--instances eil51,berlin52,st70,kroA100,ch150,a280]
                                  our planner against jsprit and OR-Tools on TSPLIB instances
              patrol-peers [--sizes 20,50,100,200] [--budgets 0.2,1,5] [--runs 1] [--osm FILE]
              matrix [--osm FILE] [--points N] [--runs R]
                                  our travel matrix against pgRouting (osm2pgrouting, osmium)
              patrol-loop [--osm FILE] [--checkpoints N] [--mode foot|bike|car] [--runs R]
              generate [--sizes 2000,50000] [--runs 3] [--band 200,400] [--no-andorra] [--osm FILE]
                                  our grid generation and rebalancing against METIS (gpmetis) and Scotch (gpart)
                                  on the Andorra parishes and synthetic counties of the given sizes in blocks
              gcj02 [--points 1000000] [--runs 5] [--seed 1] [--gcoord DIR]
                                  GCJ-02/BD-09 conversion: throughput and round-trip error, against npm gcoord on node
              import [--households 1000000] [--blocks 50000] [--grids 5000] [--runs 3] [--no-ours] [--staged-too]
                                  our register import of a GBK/GCJ-02 CSV against ogr2ogr + the SQL assignment join
              cluster [--seconds 20] [--clients 8] [--jar APP_JAR] [--osm FILE] [--keep]
                                  a primary, a pg_basebackup standby and two application instances on loopback: a
                                  session across instances, one instance killed under load, failover to the standby
              vrptw [--instances C1,R101,…] [--budgets 1,10] [--data ../shared/data/solomon] [--seed 1] [--solvers ours,jsprit,or-tools]
                                  our VRPTW engine against jsprit and OR-Tools on the 56 Solomon instances
              load [--clients 200] [--routes-per-second 20] [--seconds 60] [--warmup 15] [--modes bearer,session,basic]
                   [--runs 1] [--heap 1g] [--user planner] [--folder DIR] [--jar APP_JAR] [--server-arg --name=value]…
                                  the demo server (own JVM) under tile clients and open-loop patrol routes,
                                  with API tokens, sessions and HTTP Basic
              visit-plan [--osm FILE] [--days 30] [--runs 3]
                                  visit plans over days on a parish's demo registers, 3 teams, against a greedy baseline
              map-matching [--osm FILE] [--seeds 3] [--routes 15] [--sigmas 10,20,40] [--intervals 1,5,15] [--modes foot,car]
                                  our HMM map matcher against snapping each fix to the nearest road, synthetic noisy tracks
              crash [--kills 50] [--seed 1] [--data-dir DIR] [--jar FILE] [--import-rows 3000] [--osm FILE …]
                                  crash soak: SIGKILL of the application during publishes, imports, generation jobs
                                  and register edits, restart, check the database (docs/reliability.md)
            """;

    private Benchmarks() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || Set.of("-h", "--help", "help").contains(args[0])) {
            System.out.println(USAGE);
            System.exit(args.length == 0 ? 2 : 0);
        }
        System.exit(run(Arrays.asList(args)));
    }

    public static int run(List<String> arguments) {
        String name = arguments.isEmpty() ? "" : arguments.get(0);
        try {
            return switch (name) {
                case "osm-import" -> OsmImportBenchmark.run(arguments.subList(1, arguments.size()));
                case "assignment" -> AssignmentBenchmark.run(arguments.subList(1, arguments.size()));
                case "plan-edit" -> PlanEditBenchmark.run(arguments.subList(1, arguments.size()));
                case "tiles" -> TileBenchmark.run(arguments.subList(1, arguments.size()));
                case "tsp" -> TspBenchmark.run(arguments.subList(1, arguments.size()));
                case "patrol-peers" -> PatrolPeersBenchmark.run(arguments.subList(1, arguments.size()));
                case "matrix" -> MatrixBenchmark.run(arguments.subList(1, arguments.size()));
                case "patrol-loop" -> PatrolLoopBenchmark.run(arguments.subList(1, arguments.size()));
                case "generate" -> GenerateBenchmark.run(arguments.subList(1, arguments.size()));
                case "gcj02" -> Gcj02Benchmark.run(arguments.subList(1, arguments.size()));
                case "import" -> ImportBenchmark.run(arguments.subList(1, arguments.size()));
                case "cluster" -> ClusterBenchmark.run(arguments.subList(1, arguments.size()));
                case "vrptw" -> VrptwBenchmark.run(arguments.subList(1, arguments.size()));
                case "load" -> LoadBenchmark.run(arguments.subList(1, arguments.size()));
                case "visit-plan" -> VisitPlanBenchmark.run(arguments.subList(1, arguments.size()));
                case "map-matching" -> MapMatchingBenchmark.run(arguments.subList(1, arguments.size()));
                case "crash" -> org.gridpatrol.bench.crash.CrashSoak.run(arguments.subList(1, arguments.size()));
                default -> {
                    System.err.println("gridpatrol: unknown benchmark '" + name + "'; available: " + NAMES);
                    yield 2;
                }
            };
        } catch (Exception e) {
            System.err.println("gridpatrol: benchmark " + name + " failed: " + e.getMessage());
            return 1;
        }
    }
}
