package org.gridpatrol.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-budget summary of {@link VrptwBenchmark}: per solver, the share of instances at the best-known
 * vehicle count, the mean distance gap where the vehicles match and over all feasible instances, and
 * wins/ties/losses of the first solver (ours) against each other one, fewest vehicles first.
 */
final class VrptwTally {

    private static final class Sums {
        int instances;
        int feasible;
        int atBestVehicles;
        int belowBestVehicles;
        double gapAtBest;
        double gapAll;
        long maxMillis;
        long peakHeapMb;
        final List<Long> millis = new ArrayList<>();
        int wins;
        int ties;
        int losses;
    }

    private final Map<String, Sums> sums = new LinkedHashMap<>();

    VrptwTally(List<VrptwPeer> solvers) {
        for (VrptwPeer solver : solvers) {
            sums.put(solver.name(), new Sums());
        }
    }

    void add(String solver, VrptwOutcome outcome, VrptwBenchmark.BestKnown bk, long millis, long peakHeapMb) {
        Sums s = sums.get(solver);
        s.instances++;
        s.millis.add(millis);
        s.maxMillis = Math.max(s.maxMillis, millis);
        s.peakHeapMb = Math.max(s.peakHeapMb, peakHeapMb);
        if (!outcome.feasible()) {
            return;
        }
        s.feasible++;
        double gap = 100 * (outcome.distance() / bk.distance() - 1);
        s.gapAll += gap;
        if (outcome.vehicles() == bk.vehicles()) {
            s.atBestVehicles++;
            s.gapAtBest += gap;
        } else if (outcome.vehicles() < bk.vehicles()) {
            s.belowBestVehicles++;
        }
    }

    /** Ours (the first outcome) against each of the others on one instance. */
    void compare(List<VrptwOutcome> outcomes) {
        List<Sums> list = new ArrayList<>(sums.values());
        for (int i = 1; i < outcomes.size(); i++) {
            Sums peer = list.get(i);
            if (outcomes.get(0).betterThan(outcomes.get(i))) {
                peer.wins++;
            } else if (outcomes.get(i).betterThan(outcomes.get(0))) {
                peer.losses++;
            } else {
                peer.ties++;
            }
        }
    }

    void print(Duration budget) {
        System.out.printf(Locale.ROOT, "%n| budget s | solver | feasible | at best-known vehicles | mean gap there "
                + "| mean gap all | fewer than BK | median ms | max ms | peak heap MB | ours vs it (win/tie/loss) |%n");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        String ours = sums.keySet().iterator().next();
        Sums o = sums.get(ours);
        for (Map.Entry<String, Sums> entry : sums.entrySet()) {
            Sums s = entry.getValue();
            long[] ms = s.millis.stream().mapToLong(Long::longValue).sorted().toArray();
            String versus = entry.getKey().equals(ours) ? "" : s.wins + " / " + s.ties + " / " + s.losses;
            System.out.printf(Locale.ROOT, "| %.1f | %s | %d/%d | %.1f%% (%d) | %.2f%% | %.2f%% | %d | %d | %d | %d | %s |%n",
                    budget.toMillis() / 1000.0, entry.getKey(), s.feasible, s.instances,
                    100.0 * s.atBestVehicles / Math.max(1, s.instances), s.atBestVehicles,
                    s.gapAtBest / Math.max(1, s.atBestVehicles), s.gapAll / Math.max(1, s.feasible),
                    s.belowBestVehicles, ms.length == 0 ? 0 : ms[ms.length / 2], s.maxMillis, s.peakHeapMb, versus);
        }
        for (Map.Entry<String, Sums> entry : sums.entrySet()) {
            if (entry.getKey().equals(ours)) {
                continue;
            }
            Sums s = entry.getValue();
            boolean better = s.wins > s.losses && o.atBestVehicles >= s.atBestVehicles;
            System.out.printf(Locale.ROOT, "At %.1f s ours is %s than %s: %d wins, %d ties, %d losses; "
                    + "at best-known vehicles %d vs %d.%n", budget.toMillis() / 1000.0,
                    better ? "better" : "NOT better", entry.getKey(), s.wins, s.ties, s.losses,
                    o.atBestVehicles, s.atBestVehicles);
        }
    }
}
