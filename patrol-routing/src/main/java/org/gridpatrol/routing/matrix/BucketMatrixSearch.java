package org.gridpatrol.routing.matrix;

import java.util.Arrays;

/**
 * Many-to-many on a {@link ContractionHierarchy} (bucket-based, after Knopp et al. 2007): one
 * backward upward search per target leaves an entry (target, cost, time, length) in a bucket at
 * every node it reaches; one forward upward search per source scans the buckets of the nodes it
 * reaches, and the cheapest meeting gives each cell. 2n small searches instead of n searches over
 * the graph. Snapped points hang on their edge as in {@link OneToManySearch}: searches start at both
 * ends of a point's edge with the fraction of the edge as the initial cost.
 *
 * <p>Fills the same matrix as {@link OneToManySearch} (checked by {@code BucketMatrixSearchTest}
 * on random graphs and by {@code RoadMatrixIT} against GraphHopper's routes). Not thread-safe.
 */
final class BucketMatrixSearch {

    private final ContractionHierarchy ch;
    private final SearchLabels labels;
    // buckets: entries by node, as linked lists in flat arrays
    private int[] bucketHead;
    private int[] entryNext = new int[1024];
    private int[] entryTarget = new int[1024];
    private double[] entryCost = new double[1024];
    private long[] entryMillis = new long[1024];
    private double[] entryMeters = new double[1024];
    private int entries;

    BucketMatrixSearch(ContractionHierarchy ch) {
        this.ch = ch;
        labels = new SearchLabels(ch.nodes);
        bucketHead = new int[ch.nodes];
        Arrays.fill(bucketHead, -1);
    }

    /** Fills {@code seconds} and {@code metersOut} (UNREACHABLE where no path exists). */
    void fill(SnapAnchor[] anchors, long[][] seconds, long[][] metersOut) {
        int n = anchors.length;
        double[][] bestCost = new double[n][n];
        double[][] bestMillis = new double[n][n];
        double[][] bestMeters = new double[n][n];
        for (double[] row : bestCost) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        for (int to = 0; to < n; to++) {
            SnapAnchor t = anchors[to];
            labels.reset();
            if (t.onNode()) {
                labels.start(t.a, 0, 0, 0);
            } else {
                // reaching the point from a runs forwards over the fraction, from b backwards over the rest
                labels.start(t.a, t.fraction * t.forward[0], t.fraction * t.forward[1], t.fraction * t.forward[2]);
                labels.start(t.b, (1 - t.fraction) * t.backward[0], (1 - t.fraction) * t.backward[1],
                        (1 - t.fraction) * t.backward[2]);
            }
            search(ch.downFirst, ch.downHead, ch.downCost, ch.downMillis, ch.downMeters, to, null, null, null);
        }
        for (int from = 0; from < n; from++) {
            SnapAnchor s = anchors[from];
            labels.reset();
            if (s.onNode()) {
                labels.start(s.a, 0, 0, 0);
            } else {
                // leaving towards a runs the edge backwards over the fraction, towards b forwards over the rest
                labels.start(s.a, s.fraction * s.backward[0], s.fraction * s.backward[1], s.fraction * s.backward[2]);
                labels.start(s.b, (1 - s.fraction) * s.forward[0], (1 - s.fraction) * s.forward[1],
                        (1 - s.fraction) * s.forward[2]);
            }
            search(ch.upFirst, ch.upHead, ch.upCost, ch.upMillis, ch.upMeters, -1,
                    bestCost[from], bestMillis[from], bestMeters[from]);
        }
        for (int from = 0; from < n; from++) {
            SnapAnchor s = anchors[from];
            for (int to = 0; to < n; to++) {
                if (to == from) {
                    seconds[from][to] = 0;
                    metersOut[from][to] = 0;
                    continue;
                }
                SnapAnchor t = anchors[to];
                double c = bestCost[from][to];
                double ms = bestMillis[from][to];
                double m = bestMeters[from][to];
                if (!s.onNode() && s.edge == t.edge) {
                    double[] along = t.fraction >= s.fraction ? t.forward : t.backward;
                    double share = Math.abs(t.fraction - s.fraction);
                    if (Double.isFinite(along[0]) && share * along[0] < c) {
                        c = share * along[0];
                        ms = share * along[1];
                        m = share * along[2];
                    }
                }
                if (Double.isInfinite(c)) {
                    seconds[from][to] = RoadMatrix.UNREACHABLE;
                    metersOut[from][to] = RoadMatrix.UNREACHABLE;
                } else {
                    seconds[from][to] = Math.round(ms / 1000.0);
                    metersOut[from][to] = Math.round(m);
                }
            }
        }
        clearBuckets();
    }

    /**
     * An upward search over the given rows. With {@code target >= 0} it drops bucket entries for that
     * target; otherwise it scans the buckets and improves the source's row.
     */
    private void search(int[] first, int[] head, double[] arcCost, long[] arcMillis, double[] arcMeters, int target,
                        double[] rowCost, double[] rowMillis, double[] rowMeters) {
        double[] cost = labels.cost;
        long[] millis = labels.millis;
        double[] meters = labels.meters;
        while (labels.hasNext()) {
            int node = labels.settleNext();
            double c = cost[node];
            if (target >= 0) {
                addEntry(node, target, c, millis[node], meters[node]);
            } else {
                for (int e = bucketHead[node]; e >= 0; e = entryNext[e]) {
                    double total = c + entryCost[e];
                    int to = entryTarget[e];
                    if (total < rowCost[to]) {
                        rowCost[to] = total;
                        rowMillis[to] = millis[node] + entryMillis[e];
                        rowMeters[to] = meters[node] + entryMeters[e];
                    }
                }
            }
            labels.relax(node, first, head, arcCost, arcMillis, arcMeters);
        }
    }

    private void addEntry(int node, int target, double c, long ms, double m) {
        if (entries == entryNext.length) {
            int size = entries * 2;
            entryNext = Arrays.copyOf(entryNext, size);
            entryTarget = Arrays.copyOf(entryTarget, size);
            entryCost = Arrays.copyOf(entryCost, size);
            entryMillis = Arrays.copyOf(entryMillis, size);
            entryMeters = Arrays.copyOf(entryMeters, size);
        }
        entryTarget[entries] = target;
        entryCost[entries] = c;
        entryMillis[entries] = ms;
        entryMeters[entries] = m;
        entryNext[entries] = bucketHead[node];
        bucketHead[node] = entries;
        entries++;
    }

    private void clearBuckets() {
        Arrays.fill(bucketHead, -1);
        entries = 0;
    }
}
