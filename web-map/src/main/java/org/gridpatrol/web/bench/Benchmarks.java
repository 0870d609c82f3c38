package org.gridpatrol.web.bench;

import java.util.List;

/** Dispatches {@code bench NAME [ARGS…]}. */
public final class Benchmarks {

    public static final List<String> NAMES = List.of("osm-import", "assignment", "plan-edit", "tiles", "tsp", "patrol-peers", "matrix", "patrol-loop");

    private Benchmarks() {
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
