package org.gridpatrol.routing.solve;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Shortest closed loop through all nodes of a square cost matrix, starting and ending at node 0
 * (travelling salesman, asymmetric allowed). Up to {@link #EXACT_LIMIT} nodes: exact (Held–Karp
 * dynamic programme). Beyond: cheapest insertion, then {@link TourImprover}'s iterated local search
 * until the deadline or until {@code stallLimit} kicks in a row found nothing better.
 *
 * <p>Deterministic for a given seed and a deadline that is not reached.
 */
final class LoopSolver {

    /** Held–Karp needs n² 2ⁿ steps: 13 nodes ≈ 1.4 M, well under a millisecond's worth of work × 10. */
    static final int EXACT_LIMIT = 13;

    private LoopSolver() {
    }

    /** The default stall limit: kicks without improvement before the search stops early. */
    static long defaultStall(int n) {
        return 2_000L + 200L * n;
    }

    static int[] solve(long[][] cost, long deadlineNanos, long seed) {
        return solve(cost, deadlineNanos, defaultStall(cost.length), seed);
    }

    static int[] solve(long[][] cost, long deadlineNanos, long stallLimit, long seed) {
        int n = cost.length;
        if (n <= 3) {
            return bestOfTiny(cost);
        }
        if (n <= EXACT_LIMIT) {
            return heldKarp(cost);
        }
        int[] tour = cheapestInsertion(cost);
        new TourImprover(cost).iterate(tour, deadlineNanos, stallLimit, new SplittableRandom(seed));
        return tour;
    }

    private static int[] bestOfTiny(long[][] cost) {
        int n = cost.length;
        if (n < 3) {
            int[] tour = new int[n];
            for (int i = 0; i < n; i++) {
                tour[i] = i;
            }
            return tour;
        }
        int[] a = {0, 1, 2};
        int[] b = {0, 2, 1};
        return TourImprover.length(cost, a) <= TourImprover.length(cost, b) ? a : b;
    }

    /** Exact: best[S][j] = shortest path from 0 through set S (of nodes 1..n-1) ending at j. */
    static int[] heldKarp(long[][] cost) {
        int n = cost.length;
        int m = n - 1;
        int full = 1 << m;
        long[] best = new long[full * m];
        int[] parent = new int[full * m];
        Arrays.fill(best, Long.MAX_VALUE);
        for (int j = 0; j < m; j++) {
            best[(1 << j) * m + j] = cost[0][j + 1];
        }
        for (int set = 1; set < full; set++) {
            for (int j = 0; j < m; j++) {
                long here = best[set * m + j];
                if ((set & (1 << j)) == 0 || here == Long.MAX_VALUE) {
                    continue;
                }
                for (int k = 0; k < m; k++) {
                    if ((set & (1 << k)) != 0) {
                        continue;
                    }
                    int next = set | (1 << k);
                    long value = here + cost[j + 1][k + 1];
                    if (value < best[next * m + k]) {
                        best[next * m + k] = value;
                        parent[next * m + k] = j;
                    }
                }
            }
        }
        int set = full - 1;
        int last = -1;
        long bestValue = Long.MAX_VALUE;
        for (int j = 0; j < m; j++) {
            if (best[set * m + j] == Long.MAX_VALUE) {
                continue;
            }
            long value = best[set * m + j] + cost[j + 1][0];
            if (value < bestValue) {
                bestValue = value;
                last = j;
            }
        }
        int[] tour = new int[n];
        for (int position = n - 1; position >= 1; position--) {
            tour[position] = last + 1;
            int previous = parent[set * m + last];
            set &= ~(1 << last);
            last = previous;
        }
        return tour;
    }

    /** Cheapest insertion from the loop 0 → farthest → 0. O(n²) per inserted node's bookkeeping. */
    static int[] cheapestInsertion(long[][] cost) {
        int n = cost.length;
        int[] next = new int[n];
        boolean[] inTour = new boolean[n];
        int far = 1;
        for (int j = 2; j < n; j++) {
            if (cost[0][j] + cost[j][0] > cost[0][far] + cost[far][0]) {
                far = j;
            }
        }
        next[0] = far;
        next[far] = 0;
        inTour[0] = true;
        inTour[far] = true;
        // for each node outside: best insertion arc (its tail) and its extra cost
        int[] bestTail = new int[n];
        long[] bestExtra = new long[n];
        for (int x = 0; x < n; x++) {
            if (!inTour[x]) {
                bestTail[x] = -1;
                rescan(cost, next, inTour, x, bestTail, bestExtra);
            }
        }
        for (int added = 2; added < n; added++) {
            int pick = -1;
            for (int x = 0; x < n; x++) {
                if (!inTour[x] && (pick < 0 || bestExtra[x] < bestExtra[pick])) {
                    pick = x;
                }
            }
            int u = bestTail[pick];
            int v = next[u];
            next[u] = pick;
            next[pick] = v;
            inTour[pick] = true;
            for (int x = 0; x < n; x++) {
                if (inTour[x]) {
                    continue;
                }
                if (bestTail[x] == u) {
                    rescan(cost, next, inTour, x, bestTail, bestExtra);
                } else {
                    long viaU = cost[u][x] + cost[x][pick] - cost[u][pick];
                    if (viaU < bestExtra[x]) {
                        bestExtra[x] = viaU;
                        bestTail[x] = u;
                    }
                    long viaPick = cost[pick][x] + cost[x][v] - cost[pick][v];
                    if (viaPick < bestExtra[x]) {
                        bestExtra[x] = viaPick;
                        bestTail[x] = pick;
                    }
                }
            }
        }
        int[] tour = new int[n];
        int node = 0;
        for (int i = 0; i < n; i++) {
            tour[i] = node;
            node = next[node];
        }
        return tour;
    }

    private static void rescan(long[][] cost, int[] next, boolean[] inTour, int x, int[] bestTail, long[] bestExtra) {
        long best = Long.MAX_VALUE;
        int tail = -1;
        int u = 0;
        do {
            int v = next[u];
            long extra = cost[u][x] + cost[x][v] - cost[u][v];
            if (extra < best) {
                best = extra;
                tail = u;
            }
            u = v;
        } while (u != 0);
        bestTail[x] = tail;
        bestExtra[x] = best;
    }
}
