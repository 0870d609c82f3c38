package org.gridpatrol.routing.matrix;

import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.Graph;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;

import java.util.Arrays;

/**
 * Node-based Dijkstra from one source that stops once every target is settled, tracking for each
 * node the weight, time and distance of its best path. Reuses its arrays across searches (reset
 * only what the last search touched), so one instance serves a whole matrix. Not thread-safe.
 */
final class OneToManySearch {

    private final Weighting weighting;
    private final Metric metric;
    private final EdgeExplorer explorer;
    private final double[] weight;
    private final long[] millis;
    private final double[] distance;
    private final boolean[] settled;
    private int[] touched = new int[1024];
    private int touchedCount;
    private final NodeHeap heap;

    OneToManySearch(Graph graph, Weighting weighting, Metric metric) {
        this.weighting = weighting;
        this.metric = metric;
        this.explorer = graph.createEdgeExplorer();
        int n = graph.getNodes();
        weight = new double[n];
        millis = new long[n];
        distance = new double[n];
        settled = new boolean[n];
        Arrays.fill(weight, Double.POSITIVE_INFINITY);
        heap = new NodeHeap(1024);
    }

    /**
     * Runs the search from {@code source} until every node in {@code targets} is settled or the
     * reachable graph is exhausted; read the results with {@link #millisTo} and {@link #metersTo}.
     */
    void search(int source, int[] targets) {
        reset();
        int remaining = 0;
        java.util.BitSet targetSet = new java.util.BitSet();
        for (int t : targets) {
            if (!targetSet.get(t)) {
                targetSet.set(t);
                remaining++;
            }
        }
        touch(source);
        weight[source] = 0;
        heap.push(0, source);
        while (!heap.isEmpty() && remaining > 0) {
            double w = heap.peekKey();
            int node = heap.pop();
            if (settled[node] || w > weight[node]) {
                continue;
            }
            settled[node] = true;
            if (targetSet.get(node)) {
                remaining--;
            }
            EdgeIterator edge = explorer.setBaseNode(node);
            while (edge.next()) {
                int adj = edge.getAdjNode();
                if (settled[adj]) {
                    continue;
                }
                double edgeWeight = weighting.calcEdgeWeight(edge, false);
                if (Double.isInfinite(edgeWeight)) {
                    continue;
                }
                double cost = metric == Metric.FASTEST ? edgeWeight : edge.getDistance();
                double candidate = weight[node] + cost;
                if (candidate < weight[adj]) {
                    touch(adj);
                    weight[adj] = candidate;
                    millis[adj] = millis[node] + weighting.calcEdgeMillis(edge, false);
                    distance[adj] = distance[node] + edge.getDistance();
                    heap.push(candidate, adj);
                }
            }
        }
    }

    long millisTo(int node) {
        return settled[node] ? millis[node] : RoadMatrix.UNREACHABLE;
    }

    double metersTo(int node) {
        return settled[node] ? distance[node] : Double.POSITIVE_INFINITY;
    }

    private void touch(int node) {
        if (weight[node] == Double.POSITIVE_INFINITY && !settled[node]) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = node;
        }
    }

    private void reset() {
        for (int i = 0; i < touchedCount; i++) {
            int node = touched[i];
            weight[node] = Double.POSITIVE_INFINITY;
            millis[node] = 0;
            distance[node] = 0;
            settled[node] = false;
        }
        touchedCount = 0;
        heap.clear();
    }
}
