package org.gridpatrol.bench;

import org.gridpatrol.routing.solve.tw.VrptwProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./gridpatrol bench vrptw [--instances C1,R101,…] [--budgets 1,10] [--data DIR] [--seed 1]
 * [--solvers ours,jsprit,OR-Tools]}: the Solomon VRPTW instances ({@code DIR}, default
 * {@code ../shared/data/solomon}, with {@code best-known.csv}) solved by our {@code VrptwSolver}, jsprit
 * and OR-Tools, one after another in this JVM, at each budget (budgets in the outer loop), one run each
 * with the given seed, after one untimed warm-up solve each. An instance token is a name ({@code R101})
 * or a group prefix ({@code C1} = C101–C109). Every solution is checked by {@link VrptwOutcome}. Prints per
 * instance vehicles and distance against the best known, then per budget and solver: share of instances
 * at the best-known vehicle count, mean distance gap where the vehicles match and over all instances,
 * wins against each peer (fewest vehicles, then distance), wall time and peak heap.
 */
final class VrptwBenchmark {

    private VrptwBenchmark() {
    }

    record BestKnown(int vehicles, double distance) {
    }

    static int run(List<String> arguments) throws IOException {
        String instanceList = "";
        String budgetList = "1,10";
        Path data = Path.of("../shared/data/solomon");
        long seed = 1;
        String solverList = "";
        for (int i = 0; i < arguments.size(); i++) {
            switch (arguments.get(i)) {
                case "--instances" -> instanceList = arguments.get(++i);
                case "--budgets" -> budgetList = arguments.get(++i);
                case "--data" -> data = Path.of(arguments.get(++i));
                case "--seed" -> seed = Long.parseLong(arguments.get(++i));
                case "--solvers" -> solverList = arguments.get(++i).toLowerCase(Locale.ROOT);
                default -> throw new IllegalArgumentException("unknown option " + arguments.get(i));
            }
        }
        Map<String, BestKnown> bestKnown = readBestKnown(data.resolve("best-known.csv"));
        List<SolomonInstance> instances = select(data, instanceList);
        List<VrptwPeer> solvers = new ArrayList<>();
        for (VrptwPeer peer : VrptwPeer.all()) {
            if (solverList.isEmpty() || solverList.contains(peer.name().toLowerCase(Locale.ROOT))) {
                solvers.add(peer);
            }
        }
        List<Duration> budgets = SolverComparison.budgets(budgetList); // also quiets jsprit's per-iteration log
        VrptwProblem warmUp = instances.get(0).problem();
        for (VrptwPeer solver : solvers) {
            solver.solve(warmUp, Duration.ofMillis(300), 999);
        }
        System.out.printf(Locale.ROOT, "%d cores, Java %s, load %s; %d instance(s), 1 run per cell, seed %d%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), BenchStats.loadAverage(),
                instances.size(), seed);
        System.out.println("Convention (Solomon): unrounded Euclidean distances as doubles, travel time = distance, "
                + "service times from the file, hard windows on service start, fewest vehicles first, then distance; "
                + "gap = (distance - best known) / best known; solutions checked independently (tolerance 1e-6).");
        boolean allFeasible = true;
        for (Duration budget : budgets) {
            VrptwTally tally = new VrptwTally(solvers);
            System.out.printf(Locale.ROOT, "%n### budget %.1f s%n%n", budget.toMillis() / 1000.0);
            StringBuilder header = new StringBuilder("| instance | best known |");
            StringBuilder rule = new StringBuilder("|---|---|");
            for (VrptwPeer solver : solvers) {
                header.append(' ').append(solver.name()).append(" veh / dist (gap) | ms |");
                rule.append("---|---|");
            }
            System.out.println(header);
            System.out.println(rule);
            for (SolomonInstance instance : instances) {
                VrptwProblem problem = instance.problem();
                BestKnown bk = bestKnown.get(instance.name());
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %s | %d / %.2f |",
                        instance.name(), bk.vehicles(), bk.distance()));
                List<VrptwOutcome> outcomes = new ArrayList<>();
                for (VrptwPeer solver : solvers) {
                    SolverComparison.resetPeaks();
                    long start = System.nanoTime();
                    List<int[]> routes = solver.solve(problem, budget, seed);
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    VrptwOutcome outcome = VrptwOutcome.check(problem, routes);
                    outcomes.add(outcome);
                    allFeasible &= outcome.feasible();
                    tally.add(solver.name(), outcome, bk, millis, BenchStats.peakHeapMb());
                    line.append(outcome.feasible()
                            ? String.format(Locale.ROOT, " %d / %.2f (%+.2f%%) | %d |", outcome.vehicles(),
                                    outcome.distance(), 100 * (outcome.distance() / bk.distance() - 1), millis)
                            : " INVALID: " + outcome.problem() + " | " + millis + " |");
                }
                tally.compare(outcomes);
                System.out.println(line);
                System.out.flush();
            }
            tally.print(budget);
        }
        System.out.printf(Locale.ROOT, "%nprocess peak RSS (incl. OR-Tools native memory): %d MB%n",
                BenchStats.peakResidentKb() / 1024);
        return allFeasible ? 0 : 1;
    }

    private static Map<String, BestKnown> readBestKnown(Path csv) throws IOException {
        Map<String, BestKnown> map = new HashMap<>();
        for (String line : Files.readAllLines(csv)) {
            String[] parts = line.trim().split(",");
            if (parts.length == 3 && !parts[0].equals("instance")) {
                map.put(parts[0], new BestKnown(Integer.parseInt(parts[1]), Double.parseDouble(parts[2])));
            }
        }
        return map;
    }

    private static List<SolomonInstance> select(Path data, String tokens) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(data)) {
            files = list.filter(p -> p.toString().endsWith(".vrptw")).sorted().toList();
        }
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path file : files) {
            byName.put(file.getFileName().toString().replace(".vrptw", ""), file);
        }
        List<SolomonInstance> selected = new ArrayList<>();
        for (Map.Entry<String, Path> entry : byName.entrySet()) {
            String name = entry.getKey();
            boolean wanted = tokens.isEmpty();
            for (String token : tokens.split(",")) {
                String t = token.trim().toUpperCase(Locale.ROOT);
                wanted |= !t.isEmpty() && (name.equals(t) || (name.startsWith(t) && name.length() == t.length() + 2));
            }
            if (wanted) {
                selected.add(SolomonInstance.read(entry.getValue()));
            }
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no Solomon instance matches '" + tokens + "' in " + data);
        }
        return selected;
    }
}
