package org.gridpatrol.routing.postman;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Minimum-weight perfect matching of an even number of points under a symmetric distance matrix.
 * Exact (dynamic programme over subsets, O(2^k·k)) up to {@link #EXACT_LIMIT} points; beyond, greedy
 * cheapest pairs improved by pairwise re-pairing until no exchange helps (a heuristic).
 */
final class OddNodeMatching {

    /** 2^20 × 20 ≈ 21 M steps and an 8 MB table: well under a second. */
    static final int EXACT_LIMIT = 20;

    private OddNodeMatching() {
    }

    /** Pairs as index pairs into {@code dist}: {@code result[i] = {a, b}}. */
    static List<int[]> match(long[][] dist) {
        int k = dist.length;
        if (k % 2 != 0) {
            throw new IllegalArgumentException("an odd number of points cannot be matched: " + k);
        }
        if (k == 0) {
            return List.of();
        }
        return k <= EXACT_LIMIT ? exact(dist) : greedyImproved(dist);
    }

    static List<int[]> exact(long[][] dist) {
        int k = dist.length;
        int full = (1 << k) - 1;
        long[] best = new long[1 << k];
        int[] partner = new int[1 << k];
        Arrays.fill(best, Long.MAX_VALUE);
        best[0] = 0;
        // best[mask] for masks with an even number of set bits, built by pairing the lowest unset point
        for (int mask = 0; mask < full; mask++) {
            if (best[mask] == Long.MAX_VALUE) {
                continue;
            }
            int i = Integer.numberOfTrailingZeros(~mask);
            for (int j = i + 1; j < k; j++) {
                if ((mask & (1 << j)) != 0) {
                    continue;
                }
                int next = mask | (1 << i) | (1 << j);
                long value = best[mask] + dist[i][j];
                if (value < best[next]) {
                    best[next] = value;
                    partner[next] = i * 32 + j;
                }
            }
        }
        List<int[]> pairs = new ArrayList<>();
        int mask = full;
        while (mask != 0) {
            int i = partner[mask] / 32;
            int j = partner[mask] % 32;
            pairs.add(new int[] {i, j});
            mask &= ~((1 << i) | (1 << j));
        }
        return pairs;
    }

    static List<int[]> greedyImproved(long[][] dist) {
        int k = dist.length;
        List<long[]> candidates = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                candidates.add(new long[] {dist[i][j], i, j});
            }
        }
        candidates.sort((a, b) -> Long.compare(a[0], b[0]));
        boolean[] used = new boolean[k];
        List<int[]> pairs = new ArrayList<>();
        for (long[] c : candidates) {
            int i = (int) c[1];
            int j = (int) c[2];
            if (!used[i] && !used[j]) {
                used[i] = true;
                used[j] = true;
                pairs.add(new int[] {i, j});
            }
        }
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int p = 0; p < pairs.size(); p++) {
                for (int q = p + 1; q < pairs.size(); q++) {
                    int[] a = pairs.get(p);
                    int[] b = pairs.get(q);
                    long now = dist[a[0]][a[1]] + dist[b[0]][b[1]];
                    if (dist[a[0]][b[0]] + dist[a[1]][b[1]] < now) {
                        pairs.set(p, new int[] {a[0], b[0]});
                        pairs.set(q, new int[] {a[1], b[1]});
                        improved = true;
                    } else if (dist[a[0]][b[1]] + dist[a[1]][b[0]] < now) {
                        pairs.set(p, new int[] {a[0], b[1]});
                        pairs.set(q, new int[] {a[1], b[0]});
                        improved = true;
                    }
                }
            }
        }
        return pairs;
    }
}
