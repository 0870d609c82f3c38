package org.gridpatrol.routing.matrix;

/**
 * Dijkstra over an {@link ArcGraph} from one snapped point to many: starts on both ends of the
 * source's edge, stops once both ends of every target's edge are settled, and reads each target's
 * cost, time and length as the best of its two entries (or the direct way along a shared edge).
 * Reuses its arrays across searches (resetting only what the last search touched), so one instance
 * serves a whole matrix. Not thread-safe.
 */
final class OneToManySearch {

    private final ArcGraph graph;
    private final SearchLabels labels;
    private final boolean[] wanted;

    OneToManySearch(ArcGraph graph) {
        this.graph = graph;
        labels = new SearchLabels(graph.nodes);
        wanted = new boolean[graph.nodes];
    }

    /**
     * Fills row {@code from} of {@code seconds} and {@code metersOut} for every target (UNREACHABLE
     * where no path exists).
     */
    void row(SnapAnchor[] anchors, int from, long[] seconds, long[] metersOut) {
        labels.reset();
        double[] cost = labels.cost;
        long[] millis = labels.millis;
        double[] meters = labels.meters;
        boolean[] settled = labels.settled;
        SnapAnchor source = anchors[from];
        if (source.onNode()) {
            labels.start(source.a, 0, 0, 0);
        } else {
            // leaving towards a runs the edge backwards over the first fraction, towards b forwards over the rest
            labels.start(source.a, source.fraction * source.backward[0], source.fraction * source.backward[1],
                    source.fraction * source.backward[2]);
            labels.start(source.b, (1 - source.fraction) * source.forward[0], (1 - source.fraction) * source.forward[1],
                    (1 - source.fraction) * source.forward[2]);
        }
        int remaining = 0;
        for (SnapAnchor t : anchors) {
            remaining += want(t.a);
            if (!t.onNode()) {
                remaining += want(t.b);
            }
        }
        while (labels.hasNext() && remaining > 0) {
            int node = labels.settleNext();
            if (wanted[node]) {
                wanted[node] = false;
                remaining--;
            }
            labels.relax(node, graph.first, graph.head, graph.cost, graph.millis, graph.meters);
        }
        for (int to = 0; to < anchors.length; to++) {
            if (to == from) {
                seconds[to] = 0;
                metersOut[to] = 0;
                continue;
            }
            SnapAnchor t = anchors[to];
            double bestCost = Double.POSITIVE_INFINITY;
            double bestMillis = 0;
            double bestMeters = 0;
            if (t.onNode()) {
                if (settled[t.a]) {
                    bestCost = cost[t.a];
                    bestMillis = millis[t.a];
                    bestMeters = meters[t.a];
                }
            } else {
                // entering from a runs forwards over the fraction, from b backwards over the rest
                if (settled[t.a] && Double.isFinite(t.forward[0])) {
                    bestCost = cost[t.a] + t.fraction * t.forward[0];
                    bestMillis = millis[t.a] + t.fraction * t.forward[1];
                    bestMeters = meters[t.a] + t.fraction * t.forward[2];
                }
                double viaB = settled[t.b] && Double.isFinite(t.backward[0])
                        ? cost[t.b] + (1 - t.fraction) * t.backward[0] : Double.POSITIVE_INFINITY;
                if (viaB < bestCost) {
                    bestCost = viaB;
                    bestMillis = millis[t.b] + (1 - t.fraction) * t.backward[1];
                    bestMeters = meters[t.b] + (1 - t.fraction) * t.backward[2];
                }
                if (!source.onNode() && source.edge == t.edge) {
                    double[] along = t.fraction >= source.fraction ? t.forward : t.backward;
                    double share = Math.abs(t.fraction - source.fraction);
                    if (Double.isFinite(along[0]) && share * along[0] < bestCost) {
                        bestCost = share * along[0];
                        bestMillis = share * along[1];
                        bestMeters = share * along[2];
                    }
                }
            }
            if (Double.isInfinite(bestCost)) {
                seconds[to] = RoadMatrix.UNREACHABLE;
                metersOut[to] = RoadMatrix.UNREACHABLE;
            } else {
                seconds[to] = Math.round(bestMillis / 1000.0);
                metersOut[to] = Math.round(bestMeters);
            }
        }
        for (SnapAnchor t : anchors) {
            wanted[t.a] = false;
            if (!t.onNode()) {
                wanted[t.b] = false;
            }
        }
    }

    private int want(int node) {
        if (wanted[node] || labels.settled[node]) {
            return 0;
        }
        wanted[node] = true;
        return 1;
    }
}
