package org.gridpatrol.routing.solve;

import java.util.SplittableRandom;

/**
 * Improves a closed tour over a square cost matrix whose node 0 is the fixed start (the base):
 * 2-opt and Or-opt (segments of 1–3 nodes moved, optionally reversed) restricted to each node's
 * nearest neighbours, with don't-look bits; {@link #iterate} wraps it in an iterated local search
 * with local double-bridge kicks until a deadline or a stall limit.
 *
 * <p>Asymmetric costs are handled exactly: a reversed segment is priced with prefix sums of its
 * backward arcs. Tours are {@code int[]} with {@code tour[0] == 0}; the closing arc back to 0 counts.
 * Not thread-safe (one instance per search).
 */
final class TourImprover {

    private static final int NEIGHBOURS = 10;
    private static final int MAX_SEGMENT = 3;

    private final long[][] cost;
    private final int n;
    private final int[][] neighbours;
    private final int[] tour;
    private final int[] pos;
    private final long[] forward;
    private final long[] backward;
    private final boolean[] queued;
    private final int[] queue;
    private int queueHead;
    private int queueSize;
    private final int[] scratch;

    TourImprover(long[][] cost) {
        this.cost = cost;
        this.n = cost.length;
        this.neighbours = nearestNeighbours(cost, Math.min(NEIGHBOURS, n - 1));
        this.tour = new int[n];
        this.pos = new int[n];
        this.forward = new long[n + 1];
        this.backward = new long[n + 1];
        this.queued = new boolean[n];
        this.queue = new int[n];
        this.scratch = new int[n];
    }

    /** The cost of a closed tour. */
    static long length(long[][] cost, int[] tour) {
        long sum = 0;
        for (int i = 0; i < tour.length; i++) {
            sum += cost[tour[i]][tour[(i + 1) % tour.length]];
        }
        return sum;
    }

    /** Brings {@code start} (a permutation with 0 first) to a local optimum, in place; returns its cost. */
    long improve(int[] start) {
        load(start);
        for (int i = 0; i < n; i++) {
            push(tour[i]);
        }
        localSearch();
        System.arraycopy(tour, 0, start, 0, n);
        return forward[n];
    }

    /**
     * Iterated local search from {@code start} (improved in place to the best tour found) until
     * {@code deadlineNanos} ({@link System#nanoTime()}) or {@code stallLimit} kicks in a row without
     * a better tour. Returns the best cost.
     */
    long iterate(int[] start, long deadlineNanos, long stallLimit, SplittableRandom random) {
        long bestCost = improve(start);
        if (n < 8) {
            return bestCost;
        }
        int[] best = start;
        int[] current = start.clone();
        long currentCost = bestCost;
        long stall = 0;
        while (stall < stallLimit && System.nanoTime() < deadlineNanos) {
            // mostly one kick, sometimes two or three: small tours fall back into one deep optimum
            int kicks = 1 + Integer.numberOfTrailingZeros(random.nextInt() | 4);
            for (int k = 0; k < kicks; k++) {
                kick(random);
            }
            localSearch();
            long cost = forward[n];
            if (cost < bestCost) {
                bestCost = cost;
                System.arraycopy(tour, 0, best, 0, n);
                stall = 0;
            } else {
                stall++;
            }
            // accept equal or better; now and then a slightly worse one, to leave a deep local optimum
            if (cost <= currentCost || (cost <= currentCost + currentCost / 50 && random.nextInt(50) == 0)) {
                currentCost = cost;
                System.arraycopy(tour, 0, current, 0, n);
            } else {
                load(current);
            }
        }
        return bestCost;
    }

    private void load(int[] start) {
        if (start.length != n || start[0] != 0) {
            throw new IllegalArgumentException("a tour must hold all " + n + " nodes and start at 0");
        }
        System.arraycopy(start, 0, tour, 0, n);
        for (int i = 0; i < n; i++) {
            pos[tour[i]] = i;
        }
        prefixSums(0);
    }

    private void prefixSums(int from) {
        for (int k = from; k < n; k++) {
            int a = tour[k];
            int b = tour[k + 1 == n ? 0 : k + 1];
            forward[k + 1] = forward[k] + cost[a][b];
            backward[k + 1] = backward[k] + cost[b][a];
        }
    }

    private void push(int node) {
        if (!queued[node]) {
            queued[node] = true;
            queue[(queueHead + queueSize) % n] = node;
            queueSize++;
        }
    }

    private int pop() {
        int node = queue[queueHead];
        queueHead = (queueHead + 1) % n;
        queueSize--;
        queued[node] = false;
        return node;
    }

    private void localSearch() {
        while (queueSize > 0) {
            int node = pop();
            if (twoOpt(node) || orOpt(node)) {
                push(node);
            }
        }
    }

    private int at(int position) {
        return tour[position >= n ? position - n : position];
    }

    /** Cost change of reversing positions p..q (1 <= p < q <= n-1). */
    private long reversalDelta(int p, int q) {
        int a = tour[p - 1];
        int b = tour[p];
        int c = tour[q];
        int d = at(q + 1);
        return cost[a][c] + cost[b][d] - cost[a][b] - cost[c][d]
                + (backward[q] - backward[p]) - (forward[q] - forward[p]);
    }

    private boolean twoOpt(int x) {
        int i = pos[x];
        long bestDelta = 0;
        int bestP = -1;
        int bestQ = -1;
        for (int y : neighbours[x]) {
            int j = pos[y];
            int lo = Math.min(i, j);
            int hi = Math.max(i, j);
            if (lo + 1 < hi) {
                long delta = reversalDelta(lo + 1, hi);
                if (delta < bestDelta) {
                    bestDelta = delta;
                    bestP = lo + 1;
                    bestQ = hi;
                }
            }
            if (lo >= 1 && lo < hi - 1) {
                long delta = reversalDelta(lo, hi - 1);
                if (delta < bestDelta) {
                    bestDelta = delta;
                    bestP = lo;
                    bestQ = hi - 1;
                }
            }
        }
        if (bestP < 0) {
            return false;
        }
        pushAround(bestP - 1);
        pushAround(bestQ);
        for (int p = bestP, q = bestQ; p < q; p++, q--) {
            int t = tour[p];
            tour[p] = tour[q];
            tour[q] = t;
            pos[tour[p]] = p;
            pos[tour[q]] = q;
        }
        prefixSums(bestP - 1);
        return true;
    }

    private void pushAround(int position) {
        push(at(position));
        push(at(position + 1));
    }

    private boolean orOpt(int x) {
        int i = pos[x];
        long bestDelta = 0;
        int bestS = -1;
        int bestE = -1;
        int bestK = -1;
        boolean bestReversed = false;
        for (int length = 1; length <= MAX_SEGMENT; length++) {
            for (int shift = 0; shift < length; shift++) {
                int s = i - shift;
                int e = s + length - 1;
                if (s < 1 || e > n - 1 || e - s + 1 >= n - 2) {
                    continue;
                }
                int first = tour[s];
                int last = tour[e];
                int prev = tour[s - 1];
                int next = at(e + 1);
                long removal = cost[prev][first] + cost[last][next] - cost[prev][next];
                long reverseExtra = (backward[e] - backward[s]) - (forward[e] - forward[s]);
                for (int end = 0; end < 2; end++) {
                    int[] candidates = neighbours[end == 0 ? first : last];
                    for (int y : candidates) {
                        int py = pos[y];
                        for (int k = py - 1; k <= py; k++) {
                            int kk = k < 0 ? k + n : k;
                            if (kk >= s - 1 && kk <= e) {
                                continue;
                            }
                            int u = tour[kk];
                            int v = at(kk + 1);
                            long base = -cost[u][v] - removal;
                            long fwd = base + cost[u][first] + cost[last][v];
                            if (fwd < bestDelta) {
                                bestDelta = fwd;
                                bestS = s;
                                bestE = e;
                                bestK = kk;
                                bestReversed = false;
                            }
                            long rev = base + cost[u][last] + cost[first][v] + reverseExtra;
                            if (rev < bestDelta) {
                                bestDelta = rev;
                                bestS = s;
                                bestE = e;
                                bestK = kk;
                                bestReversed = true;
                            }
                        }
                    }
                }
            }
        }
        if (bestS < 0) {
            return false;
        }
        moveSegment(bestS, bestE, bestK, bestReversed);
        return true;
    }

    /** Moves positions s..e to sit after position k (outside s-1..e), reversed or not. */
    private void moveSegment(int s, int e, int k, boolean reversed) {
        push(tour[s - 1]);
        push(at(e + 1));
        push(tour[k]);
        push(at(k + 1));
        int length = e - s + 1;
        int w = 0;
        for (int r = 0; r < n; r++) {
            if (r >= s && r <= e) {
                continue;
            }
            scratch[w++] = tour[r];
            if (r == k) {
                for (int m = 0; m < length; m++) {
                    scratch[w++] = tour[reversed ? e - m : s + m];
                }
            }
        }
        for (int m = 0; m < length; m++) {
            push(tour[s + m]);
        }
        System.arraycopy(scratch, 0, tour, 0, n);
        for (int r = 0; r < n; r++) {
            pos[tour[r]] = r;
        }
        prefixSums(0);
    }

    /** A double bridge on a window: A B C D → A C B D, with B and C short and near each other. */
    private void kick(SplittableRandom random) {
        if (random.nextInt(4) == 0) {
            reverseKick(random);
            return;
        }
        int window = Math.min(50, n - 2);
        int i = random.nextInt(n - 2);
        int maxB = Math.max(1, Math.min(window / 2, n - 2 - i - 1));
        int lengthB = 1 + random.nextInt(maxB);
        int j = i + lengthB;
        int maxC = Math.min(window / 2, n - 1 - j);
        if (maxC < 1) {
            return;
        }
        int lengthC = 1 + random.nextInt(maxC);
        int k = j + lengthC;
        // A = 0..i, B = i+1..j, C = j+1..k, D = k+1..n-1
        int w = i + 1;
        System.arraycopy(tour, j + 1, scratch, 0, lengthC);
        System.arraycopy(tour, i + 1, scratch, lengthC, lengthB);
        System.arraycopy(scratch, 0, tour, w, lengthB + lengthC);
        for (int r = i + 1; r <= k; r++) {
            pos[tour[r]] = r;
        }
        prefixSums(i);
        push(tour[i]);
        push(tour[i + 1]);
        push(tour[i + lengthC]);
        push(tour[i + lengthC + 1]);
        push(tour[k]);
        push(at(k + 1));
    }

    /** Reverses a random stretch: asymmetric costs make a direction change a kick of its own. */
    private void reverseKick(SplittableRandom random) {
        int p = 1 + random.nextInt(n - 2);
        int q = Math.min(n - 1, p + 1 + random.nextInt(Math.min(50, n)));
        pushAround(p - 1);
        pushAround(q);
        for (int a = p, b = q; a < b; a++, b--) {
            int t = tour[a];
            tour[a] = tour[b];
            tour[b] = t;
            pos[tour[a]] = a;
            pos[tour[b]] = b;
        }
        prefixSums(p - 1);
    }

    /** The k nearest other nodes of each node by min(cost there, cost back): O(n² k), no sorting. */
    private static int[][] nearestNeighbours(long[][] cost, int k) {
        int n = cost.length;
        int[][] result = new int[n][k];
        long[] keys = new long[k];
        for (int i = 0; i < n; i++) {
            int[] list = result[i];
            int size = 0;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                long key = Math.min(cost[i][j], cost[j][i]);
                if (size == k && key >= keys[k - 1]) {
                    continue;
                }
                int at = size < k ? size++ : k - 1;
                while (at > 0 && keys[at - 1] > key) {
                    keys[at] = keys[at - 1];
                    list[at] = list[at - 1];
                    at--;
                }
                keys[at] = key;
                list[at] = j;
            }
        }
        return result;
    }
}
