package org.gridpatrol.routing.postman;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Transportation problem: ship {@code supply[s]} units from each source to sinks with {@code demand[t]}
 * (equal totals) at least total {@code cost[s][t]} per unit, uncapacitated between them. Successive
 * shortest paths with a queue-based Bellman–Ford on the residual network: exact (min-cost flow).
 */
final class BalancingFlow {

    private BalancingFlow() {
    }

    /** Units shipped from source s to sink t. */
    static long[][] solve(long[] supply, long[] demand, long[][] cost) {
        int sCount = supply.length;
        int tCount = demand.length;
        int n = sCount + tCount + 2;
        int source = n - 2;
        int sink = n - 1;
        long[][] flow = new long[sCount][tCount];
        long[] sent = new long[sCount];
        long[] received = new long[tCount];
        long remaining = Arrays.stream(supply).sum();
        while (remaining > 0) {
            // residual arcs: source→s (supply-sent), s→t (∞, cost), t→s (flow, -cost), t→sink (demand-received)
            long[] dist = new long[n];
            int[] prev = new int[n];
            Arrays.fill(dist, Long.MAX_VALUE);
            Arrays.fill(prev, -1);
            boolean[] queued = new boolean[n];
            Deque<Integer> queue = new ArrayDeque<>();
            dist[source] = 0;
            queue.add(source);
            while (!queue.isEmpty()) {
                int v = queue.poll();
                queued[v] = false;
                if (v == source) {
                    for (int s = 0; s < sCount; s++) {
                        relax(v, s, 0, sent[s] < supply[s], dist, prev, queue, queued);
                    }
                } else if (v < sCount) {
                    for (int t = 0; t < tCount; t++) {
                        relax(v, sCount + t, cost[v][t], true, dist, prev, queue, queued);
                    }
                } else if (v < sCount + tCount) {
                    int t = v - sCount;
                    for (int s = 0; s < sCount; s++) {
                        relax(v, s, -cost[s][t], flow[s][t] > 0, dist, prev, queue, queued);
                    }
                    relax(v, sink, 0, received[t] < demand[t], dist, prev, queue, queued);
                }
            }
            if (dist[sink] == Long.MAX_VALUE) {
                throw new IllegalStateException("unbalanced supply and demand");
            }
            long amount = remaining;
            for (int v = sink; v != source; v = prev[v]) {
                int u = prev[v];
                if (u == source) {
                    amount = Math.min(amount, supply[v] - sent[v]);
                } else if (v == sink) {
                    amount = Math.min(amount, demand[u - sCount] - received[u - sCount]);
                } else if (u >= sCount) {
                    amount = Math.min(amount, flow[v][u - sCount]);
                }
            }
            for (int v = sink; v != source; v = prev[v]) {
                int u = prev[v];
                if (u == source) {
                    sent[v] += amount;
                } else if (v == sink) {
                    received[u - sCount] += amount;
                } else if (u < sCount) {
                    flow[u][v - sCount] += amount;
                } else {
                    flow[v][u - sCount] -= amount;
                }
            }
            remaining -= amount;
        }
        return flow;
    }

    private static void relax(int from, int to, long cost, boolean open, long[] dist, int[] prev, Deque<Integer> queue,
            boolean[] queued) {
        if (!open || cost == Long.MAX_VALUE) {
            return;
        }
        long d = dist[from] + cost;
        if (d < dist[to]) {
            dist[to] = d;
            prev[to] = from;
            if (!queued[to]) {
                queued[to] = true;
                queue.add(to);
            }
        }
    }
}
