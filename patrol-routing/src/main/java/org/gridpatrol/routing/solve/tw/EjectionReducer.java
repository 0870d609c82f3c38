package org.gridpatrol.routing.solve.tw;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Route elimination with an ejection pool (after Nagata and Bräysy, 2009, without their squeeze step):
 * one route is taken out and its customers go to a pool. Repeatedly the last pooled customer is
 * inserted where it is feasible and cheapest; when it fits nowhere, its penalty counter grows and it is
 * inserted while ejecting up to two other customers of one route, choosing the ejection with the least
 * total penalty (customers that were hard to place before are the last to be ejected again); the ejected
 * join the pool. After every step a few ruin-and-recreate moves that keep every routed customer
 * routed perturb the solution. Success when the pool is empty; on the deadline the attempt is undone.
 */
final class EjectionReducer {

    /** Routes longer than this eject at most one customer (two would cost O(m³) per route). */
    static final int PAIR_LIMIT = 30;
    static final int PERTURB_MOVES = 4;
    /** Steps without a new smallest pool after which the attempt is given up. */
    static final long STALL_STEPS = 20_000L;

    private final VrptwProblem problem;
    private final StringRuin ruin;
    private final BlinkInsertion recreate;
    private final long[] penalty;
    private final Routes spare;
    private final Routes backup;

    EjectionReducer(VrptwProblem problem, StringRuin ruin, BlinkInsertion recreate) {
        this.problem = problem;
        this.ruin = ruin;
        this.recreate = recreate;
        penalty = new long[problem.size()];
        spare = new Routes(problem);
        backup = new Routes(problem);
    }

    /** Removes routes from {@code routes} (complete, feasible) one at a time until the deadline or the bound. */
    void reduce(Routes routes, long deadlineNanos, long steps, SplittableRandom random) {
        int bound = problem.capacityBound();
        while (routes.count > bound && System.nanoTime() < deadlineNanos) {
            if (!removeOneRoute(routes, deadlineNanos, steps, random)) {
                return;
            }
        }
    }

    private boolean removeOneRoute(Routes routes, long deadlineNanos, long steps, SplittableRandom random) {
        backup.copyFrom(routes);
        Arrays.fill(penalty, 1);
        List<Integer> out = new ArrayList<>();
        routes.removeRoute(random.nextInt(routes.count), out);
        Deque<Integer> pool = new ArrayDeque<>(out);
        long done = 0;
        int smallest = pool.size();
        long lastProgress = 0;
        while (!pool.isEmpty()) {
            if (pool.size() < smallest) {
                smallest = pool.size();
                lastProgress = done;
            }
            if (done++ >= steps || done - lastProgress > STALL_STEPS
                    || ((done & 7) == 0 && System.nanoTime() >= deadlineNanos)) {
                routes.copyFrom(backup);
                return false;
            }
            int v = pool.pop();
            if (!insertCheapest(routes, v)) {
                penalty[v]++;
                if (!insertEjecting(routes, v, pool)) {
                    pool.addLast(v);
                }
            }
            perturb(routes, random);
        }
        return true;
    }

    private boolean insertCheapest(Routes routes, int v) {
        int bestRoute = -1;
        int bestAt = -1;
        double best = Double.MAX_VALUE;
        for (int r = 0; r < routes.count; r++) {
            if (routes.load[r] + problem.demand()[v] > problem.capacity()) {
                continue;
            }
            for (int p = 0; p <= routes.size[r]; p++) {
                double delta = routes.insertionDelta(r, p, v);
                if (delta < best) {
                    best = delta;
                    bestRoute = r;
                    bestAt = p;
                }
            }
        }
        if (bestRoute < 0) {
            return false;
        }
        routes.insert(bestRoute, bestAt, v);
        return true;
    }

    /** Inserts {@code v} ejecting the cheapest (by penalty) set of at most two customers of one route. */
    private boolean insertEjecting(Routes routes, int v, Deque<Integer> pool) {
        long best = Long.MAX_VALUE;
        int bestRoute = -1;
        int bestAt = -1;
        int bestJ = -1;
        int bestK = -1;
        int[] demand = problem.demand();
        for (int r = 0; r < routes.count; r++) {
            int m = routes.size[r];
            int[] a = routes.nodes[r];
            int free = problem.capacity() - routes.load[r] - demand[v];
            for (int j = 0; j < m; j++) {
                long pj = penalty[a[j]];
                if (pj >= best) {
                    continue;
                }
                for (int k = j; k < m; k++) {
                    boolean single = k == j;
                    if (!single && m > PAIR_LIMIT) {
                        break;
                    }
                    long sum = single ? pj : pj + penalty[a[k]];
                    if (sum >= best || free + demand[a[j]] + (single ? 0 : demand[a[k]]) < 0) {
                        continue;
                    }
                    for (int at = 0; at <= m; at++) {
                        if (feasible(routes, r, v, at, j, single ? -1 : k)) {
                            best = sum;
                            bestRoute = r;
                            bestAt = at;
                            bestJ = j;
                            bestK = single ? -1 : k;
                            break;
                        }
                    }
                }
            }
        }
        if (bestRoute < 0) {
            return false;
        }
        int m = routes.size[bestRoute];
        int[] a = routes.nodes[bestRoute];
        int[] sequence = new int[m + 1];
        int length = 0;
        for (int idx = 0; idx <= m; idx++) {
            if (idx == bestAt) {
                sequence[length++] = v;
            }
            if (idx < m && idx != bestJ && idx != bestK) {
                sequence[length++] = a[idx];
            }
        }
        List<Integer> ejected = new ArrayList<>();
        routes.rewrite(bestRoute, sequence, length, ejected);
        for (int e : ejected) {
            pool.push(e);
        }
        return true;
    }

    /**
     * Whether route {@code r} stays feasible with {@code v} inserted before original index {@code at}
     * and original indices {@code j} (and {@code k} unless -1) removed (capacity checked by the caller).
     * Simulates only the changed stretch: the earliest start before it and the latest start after it
     * stand for the rest.
     */
    private boolean feasible(Routes routes, int r, int v, int at, int j, int k) {
        int m = routes.size[r];
        int[] a = routes.nodes[r];
        int lo = Math.min(at, j);
        int hi = Math.max(Math.max(at, j), k);
        double[] ready = problem.ready();
        double[] due = problem.due();
        double[] service = problem.service();
        double[][] time = problem.travelTime();
        int prev = lo == 0 ? 0 : a[lo - 1];
        double clock = routes.early[r][lo];
        for (int idx = lo; idx <= Math.min(hi, m - 1); idx++) {
            if (idx == at) {
                clock = Math.max(ready[v], clock + service[prev] + time[prev][v]);
                if (clock > due[v] + Routes.EPS) {
                    return false;
                }
                prev = v;
            }
            if (idx == j || idx == k) {
                continue;
            }
            int c = a[idx];
            clock = Math.max(ready[c], clock + service[prev] + time[prev][c]);
            if (clock > due[c] + Routes.EPS) {
                return false;
            }
            prev = c;
        }
        if (at == m) {
            clock = Math.max(ready[v], clock + service[prev] + time[prev][v]);
            if (clock > due[v] + Routes.EPS) {
                return false;
            }
            prev = v;
        }
        int nextIndex = Math.min(hi, m - 1) + 1;
        int next = nextIndex >= m ? 0 : a[nextIndex];
        return clock + service[prev] + time[prev][next] <= routes.late[r][nextIndex + 1] + Routes.EPS;
    }

    /** A few ruin-and-recreate moves, each kept only when every customer it removed was placed again. */
    private void perturb(Routes routes, SplittableRandom random) {
        List<Integer> removed = new ArrayList<>();
        for (int i = 0; i < PERTURB_MOVES && routes.count > 0; i++) {
            spare.copyFrom(routes);
            removed.clear();
            ruin.ruin(spare, random, removed);
            if (recreate.recreate(spare, removed, false, random) == 0) {
                routes.copyFrom(spare);
            }
        }
    }
}
