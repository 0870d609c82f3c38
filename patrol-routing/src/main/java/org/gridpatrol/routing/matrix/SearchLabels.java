package org.gridpatrol.routing.matrix;

import java.util.Arrays;

/**
 * The labels of a Dijkstra-like search over flat arc arrays, reused across searches: per node the best
 * cost so far with the time and length of that path, whether it is settled, and the queue. A search
 * resets only the nodes the previous one touched, so one instance serves a whole matrix. Shared by
 * {@link OneToManySearch} (the whole graph) and {@link BucketMatrixSearch} (upward searches in a
 * hierarchy). Not thread-safe.
 */
final class SearchLabels {

    final double[] cost;
    final long[] millis;
    final double[] meters;
    final boolean[] settled;
    private final NodeHeap heap;
    private int[] touched = new int[1024];
    private int touchedCount;

    SearchLabels(int nodes) {
        cost = new double[nodes];
        millis = new long[nodes];
        meters = new double[nodes];
        settled = new boolean[nodes];
        heap = new NodeHeap(nodes);
        Arrays.fill(cost, Double.POSITIVE_INFINITY);
    }

    /** Forgets the last search. */
    void reset() {
        for (int i = 0; i < touchedCount; i++) {
            int node = touched[i];
            cost[node] = Double.POSITIVE_INFINITY;
            millis[node] = 0;
            meters[node] = 0;
            settled[node] = false;
        }
        touchedCount = 0;
        heap.clear();
    }

    /** Starts the search at {@code node} with an initial cost, time and length (a snapped point's share of its edge). */
    void start(int node, double c, double ms, double m) {
        if (Double.isFinite(c) && c < cost[node]) {
            touch(node);
            cost[node] = c;
            millis[node] = Math.round(ms);
            meters[node] = m;
            heap.push(c, node);
        }
    }

    boolean hasNext() {
        return !heap.isEmpty();
    }

    /** Settles and returns the cheapest queued node; its cost is {@code cost[node]}. */
    int settleNext() {
        int node = heap.pop();
        settled[node] = true;
        return node;
    }

    /** Relaxes the arcs {@code first[node] … first[node + 1]} of a settled node. */
    void relax(int node, int[] first, int[] head, double[] arcCost, long[] arcMillis, double[] arcMeters) {
        double c = cost[node];
        for (int arc = first[node], end = first[node + 1]; arc < end; arc++) {
            int adj = head[arc];
            if (settled[adj]) {
                continue;
            }
            double candidate = c + arcCost[arc];
            if (candidate < cost[adj]) {
                touch(adj);
                cost[adj] = candidate;
                millis[adj] = millis[node] + arcMillis[arc];
                meters[adj] = meters[node] + arcMeters[arc];
                heap.push(candidate, adj);
            }
        }
    }

    private void touch(int node) {
        if (cost[node] == Double.POSITIVE_INFINITY) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = node;
        }
    }
}
