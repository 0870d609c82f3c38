package org.gridpatrol.routing.solve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The planner's search when checkpoints have time windows: every loop it builds or changes is checked
 * by {@link WindowedTimes} (each team leaves at its shift start, waits when early, starts service inside
 * a window, is back within its shift), so no intermediate plan is ever infeasible.
 *
 * <p>Objective, lexicographic: most visited priority, then the shortest longest loop, then the shortest
 * total (durations include waiting). Construction: highest priority first (earliest closing window on
 * ties), each at its cheapest feasible place in any team's loop. Local search (first improvement):
 * insert a left-out checkpoint, relocate one checkpoint (same or other loop), swap two checkpoints of
 * different loops, reverse a stretch of one loop. Then iterated local search: remove 1–3 random
 * checkpoints or a stretch, reinsert greedily, descend, keep when not worse, until the deadline or a
 * stall. A heuristic: no optimality guarantee. Deterministic for a seed when the deadline is not reached.
 */
final class WindowedPlanner {

    private final WindowedTimes times;
    private final NodeCosts nodes;
    private final boolean[][] allowed;
    private final List<List<Integer>> loops = new ArrayList<>();
    private final long[] durations;
    private final List<Integer> left = new ArrayList<>();

    private WindowedPlanner(WindowedTimes times, NodeCosts nodes, boolean[][] allowed) {
        this.times = times;
        this.nodes = nodes;
        this.allowed = allowed;
        durations = new long[nodes.teamCount];
        for (int t = 0; t < nodes.teamCount; t++) {
            loops.add(new ArrayList<>());
        }
    }

    /**
     * Plans {@code candidates} (nodes some team can serve alone, per {@code allowed[team][node]}) into
     * {@code result}, one order per team; returns the nodes left out.
     */
    static List<Integer> plan(WindowedTimes times, NodeCosts nodes, boolean[][] allowed, List<Integer> candidates,
            long deadlineNanos, long seed, List<List<Integer>> result) {
        WindowedPlanner planner = new WindowedPlanner(times, nodes, allowed);
        planner.construct(candidates);
        planner.descend(deadlineNanos);
        planner.iterate(deadlineNanos, new SplittableRandom(seed));
        result.clear();
        result.addAll(planner.loops);
        return planner.left;
    }

    private void construct(List<Integer> candidates) {
        left.addAll(candidates);
        left.sort(Comparator.comparingInt((Integer n) -> -nodes.priority[n])
                .thenComparingLong(times::latestClose).thenComparing(Comparator.naturalOrder()));
        reinsert();
    }

    /** Inserts left-out nodes in list order, each at its cheapest feasible place; keeps the rest. */
    private void reinsert() {
        List<Integer> pending = new ArrayList<>(left);
        left.clear();
        for (int node : pending) {
            if (!insertCheapest(node)) {
                left.add(node);
            }
        }
    }

    private boolean insertCheapest(int node) {
        int bestTeam = -1;
        int bestAt = -1;
        long bestExtra = Long.MAX_VALUE;
        for (int t = 0; t < loops.size(); t++) {
            if (!allowed[t][node]) {
                continue;
            }
            List<Integer> loop = loops.get(t);
            for (int at = 0; at <= loop.size(); at++) {
                loop.add(at, node);
                long d = times.duration(t, loop);
                loop.remove(at);
                if (d != WindowedTimes.INFEASIBLE && d - durations[t] < bestExtra) {
                    bestExtra = d - durations[t];
                    bestTeam = t;
                    bestAt = at;
                }
            }
        }
        if (bestTeam < 0) {
            return false;
        }
        loops.get(bestTeam).add(bestAt, node);
        durations[bestTeam] += bestExtra;
        return true;
    }

    /** (priority, longest, total) of the current plan, with loops {@code a}, {@code b} at durations {@code da}, {@code db}. */
    private long[] score(int a, long da, int b, long db) {
        long longest = 0;
        long total = 0;
        for (int t = 0; t < durations.length; t++) {
            long d = t == a ? da : t == b ? db : durations[t];
            longest = Math.max(longest, d);
            total += d;
        }
        return new long[] {-keptPriority(), longest, total};
    }

    private long[] score() {
        return score(-1, 0, -1, 0);
    }

    private int keptPriority() {
        int sum = 0;
        for (List<Integer> loop : loops) {
            for (int node : loop) {
                sum += nodes.priority[node];
            }
        }
        return sum;
    }

    private static boolean lower(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return a[i] < b[i];
            }
        }
        return false;
    }

    private void descend(long deadlineNanos) {
        boolean improved = true;
        while (improved && System.nanoTime() < deadlineNanos) {
            improved = insertLeft() || relocate() || swap() || reverse();
        }
    }

    private boolean insertLeft() {
        for (int i = 0; i < left.size(); i++) {
            if (insertCheapest(left.get(i))) {
                left.remove(i);
                return true;
            }
        }
        return false;
    }

    private boolean relocate() {
        long[] current = score();
        for (int r = 0; r < loops.size(); r++) {
            List<Integer> from = loops.get(r);
            for (int i = 0; i < from.size(); i++) {
                int node = from.remove(i);
                long dFrom = times.duration(r, from);
                for (int s = 0; s < loops.size() && dFrom != WindowedTimes.INFEASIBLE; s++) {
                    if (!allowed[s][node]) {
                        continue;
                    }
                    List<Integer> to = loops.get(s);
                    for (int at = 0; at <= to.size(); at++) {
                        if (s == r && at == i) {
                            continue;
                        }
                        to.add(at, node);
                        long dTo = times.duration(s, to);
                        boolean better = dTo != WindowedTimes.INFEASIBLE && (s == r
                                ? lower(score(r, dTo, -1, 0), current)
                                : lower(score(r, dFrom, s, dTo), current));
                        if (better) {
                            durations[s] = dTo;
                            if (s != r) {
                                durations[r] = dFrom;
                            }
                            return true;
                        }
                        to.remove(at);
                    }
                }
                from.add(i, node);
            }
        }
        return false;
    }

    private boolean swap() {
        long[] current = score();
        for (int r = 0; r < loops.size(); r++) {
            for (int s = r + 1; s < loops.size(); s++) {
                List<Integer> a = loops.get(r);
                List<Integer> b = loops.get(s);
                for (int i = 0; i < a.size(); i++) {
                    for (int j = 0; j < b.size(); j++) {
                        int x = a.get(i);
                        int y = b.get(j);
                        if (!allowed[s][x] || !allowed[r][y]) {
                            continue;
                        }
                        a.set(i, y);
                        b.set(j, x);
                        long da = times.duration(r, a);
                        long db = da == WindowedTimes.INFEASIBLE ? da : times.duration(s, b);
                        if (db != WindowedTimes.INFEASIBLE && lower(score(r, da, s, db), current)) {
                            durations[r] = da;
                            durations[s] = db;
                            return true;
                        }
                        a.set(i, x);
                        b.set(j, y);
                    }
                }
            }
        }
        return false;
    }

    private boolean reverse() {
        long[] current = score();
        for (int r = 0; r < loops.size(); r++) {
            List<Integer> loop = loops.get(r);
            for (int i = 0; i < loop.size(); i++) {
                for (int j = i + 2; j <= loop.size(); j++) {
                    java.util.Collections.reverse(loop.subList(i, j));
                    long d = times.duration(r, loop);
                    if (d != WindowedTimes.INFEASIBLE && lower(score(r, d, -1, 0), current)) {
                        durations[r] = d;
                        return true;
                    }
                    java.util.Collections.reverse(loop.subList(i, j));
                }
            }
        }
        return false;
    }

    private void iterate(long deadlineNanos, SplittableRandom random) {
        int assigned = loops.stream().mapToInt(List::size).sum();
        int stallLimit = 50 + 5 * (assigned + left.size());
        int stall = 0;
        while (stall < stallLimit && assigned > 0 && System.nanoTime() < deadlineNanos) {
            long[] before = score();
            List<List<Integer>> savedLoops = new ArrayList<>();
            for (List<Integer> loop : loops) {
                savedLoops.add(new ArrayList<>(loop));
            }
            long[] savedDurations = durations.clone();
            List<Integer> savedLeft = new ArrayList<>(left);
            ruin(random);
            reinsert();
            descend(deadlineNanos);
            if (lower(score(), before)) {
                stall = 0;
                continue;
            }
            if (!lower(before, score())) {
                stall++;
                continue;
            }
            for (int t = 0; t < loops.size(); t++) {
                loops.get(t).clear();
                loops.get(t).addAll(savedLoops.get(t));
            }
            System.arraycopy(savedDurations, 0, durations, 0, durations.length);
            left.clear();
            left.addAll(savedLeft);
            stall++;
        }
    }

    /** Moves 1–3 random checkpoints, or a stretch of one loop, to the front of the left-out list. */
    private void ruin(SplittableRandom random) {
        List<Integer> removed = new ArrayList<>();
        List<Integer> nonEmpty = new ArrayList<>();
        for (int t = 0; t < loops.size(); t++) {
            if (!loops.get(t).isEmpty()) {
                nonEmpty.add(t);
            }
        }
        int t = nonEmpty.get(random.nextInt(nonEmpty.size()));
        List<Integer> loop = loops.get(t);
        if (random.nextBoolean() && loop.size() >= 4) {
            int length = 2 + random.nextInt(Math.max(1, Math.min(loop.size() / 3, 8)));
            int from = random.nextInt(loop.size() - length + 1);
            for (int r = 0; r < length; r++) {
                removed.add(loop.remove(from));
            }
        } else {
            int count = 1 + random.nextInt(3);
            for (int r = 0; r < count; r++) {
                int u = nonEmpty.get(random.nextInt(nonEmpty.size()));
                if (!loops.get(u).isEmpty()) {
                    removed.add(loops.get(u).remove(random.nextInt(loops.get(u).size())));
                }
            }
        }
        for (int u = 0; u < loops.size(); u++) {
            durations[u] = times.duration(u, loops.get(u));
        }
        java.util.Collections.shuffle(removed, new java.util.Random(random.nextLong()));
        removed.addAll(left);
        left.clear();
        left.addAll(removed);
    }
}
