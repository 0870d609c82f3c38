package org.gridpatrol.routing.postman;

import java.util.Arrays;

/**
 * Transportation problem: ship {@code supply[s]} units from each source to sinks with {@code demand[t]}
 * (equal totals) at least total {@code cost[s][t]} per unit ({@code Long.MAX_VALUE}: no route),
 * uncapacitated between them. Successive shortest paths with node potentials (Dijkstra on reduced costs,
 * dense: O((S + T)²) per augmentation): exact (min-cost flow).
 */
final class BalancingFlow {

    private static final long INF = Long.MAX_VALUE / 4;

    private BalancingFlow() {
    }

    /** Units shipped from source s to sink t. */
    static long[][] solve(long[] supply, long[] demand, long[][] cost) {
        int sCount = supply.length;
        int tCount = demand.length;
        int n = sCount + tCount; // 0..sCount-1 sources, then sinks
        long[][] flow = new long[sCount][tCount];
        long[][] back = new long[tCount][sCount]; // the same flows by sink, for cache-friendly backward arcs
        long[] left = supply.clone();
        long[] need = demand.clone();
        long[] potential = new long[n];
        long[] dist = new long[n];
        int[] prev = new int[n];
        boolean[] done = new boolean[n];
        long remaining = Arrays.stream(supply).sum();
        while (remaining > 0) {
            Arrays.fill(dist, INF);
            Arrays.fill(prev, -1);
            Arrays.fill(done, false);
            for (int s = 0; s < sCount; s++) {
                if (left[s] > 0) {
                    dist[s] = 0;
                }
            }
            while (true) {
                int v = -1;
                for (int u = 0; u < n; u++) {
                    if (!done[u] && dist[u] < INF && (v < 0 || dist[u] < dist[v])) {
                        v = u;
                    }
                }
                if (v < 0) {
                    break;
                }
                done[v] = true;
                if (v < sCount) {
                    for (int t = 0; t < tCount; t++) {
                        if (cost[v][t] == Long.MAX_VALUE) {
                            continue;
                        }
                        long d = dist[v] + cost[v][t] + potential[v] - potential[sCount + t];
                        if (d < dist[sCount + t]) {
                            dist[sCount + t] = d;
                            prev[sCount + t] = v;
                        }
                    }
                } else {
                    int t = v - sCount;
                    long[] shipped = back[t];
                    for (int s = 0; s < sCount; s++) {
                        if (shipped[s] <= 0) {
                            continue;
                        }
                        long d = dist[v] - cost[s][t] + potential[v] - potential[s];
                        if (d < dist[s]) {
                            dist[s] = d;
                            prev[s] = v;
                        }
                    }
                }
            }
            int target = -1;
            for (int t = 0; t < tCount; t++) {
                if (need[t] > 0 && dist[sCount + t] < INF && (target < 0 || dist[sCount + t] < dist[target])) {
                    target = sCount + t;
                }
            }
            if (target < 0) {
                throw new IllegalStateException("supply cannot reach the remaining demand");
            }
            long reach = dist[target];
            for (int v = 0; v < n; v++) {
                potential[v] += Math.min(dist[v], reach);
            }
            // walk back: sink ← source (forward arc) ← sink (backward arc) ← … ← source with supply left
            long amount = need[target - sCount];
            int v = target;
            while (prev[v] >= 0) {
                int u = prev[v];
                if (u >= sCount) {
                    amount = Math.min(amount, flow[v][u - sCount]);
                }
                v = u;
            }
            amount = Math.min(amount, left[v]);
            int start = v;
            v = target;
            while (prev[v] >= 0) {
                int u = prev[v];
                if (u < sCount) {
                    flow[u][v - sCount] += amount;
                    back[v - sCount][u] += amount;
                } else {
                    flow[v][u - sCount] -= amount;
                    back[u - sCount][v] -= amount;
                }
                v = u;
            }
            left[start] -= amount;
            need[target - sCount] -= amount;
            remaining -= amount;
        }
        return flow;
    }
}
