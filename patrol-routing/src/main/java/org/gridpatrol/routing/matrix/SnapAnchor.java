package org.gridpatrol.routing.matrix;

import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;

/**
 * Where a snapped point hangs in the graph: on a node, or at a fraction of an edge between nodes
 * {@code a} and {@code b}. Leaving it towards a node, or reaching it from one, costs that fraction
 * of the edge in that direction (GraphHopper's virtual edges do the same: every profile's cost, time
 * and length are proportional to the distance along an edge). Infinite costs mark directions the
 * mode may not use.
 */
final class SnapAnchor {

    /** -1 when the point lies on node {@code a}. */
    final int edge;
    final int a;
    final int b;
    /** Fraction of the edge from {@code a} to the point, 0..1. */
    final double fraction;
    final double[] forward = new double[3];
    final double[] backward = new double[3];

    private SnapAnchor(int edge, int a, int b, double fraction) {
        this.edge = edge;
        this.a = a;
        this.b = b;
        this.fraction = fraction;
    }

    /** A point lying on a node. */
    static SnapAnchor onNode(int node) {
        return new SnapAnchor(-1, node, -1, 0);
    }

    static SnapAnchor of(Snap snap, Weighting weighting, Metric metric) {
        if (snap.getSnappedPosition() == Snap.Position.TOWER) {
            return onNode(snap.getClosestNode());
        }
        EdgeIteratorState edge = snap.getClosestEdge();
        PointList points = edge.fetchWayGeometry(FetchMode.ALL);
        double total = 0;
        double along = 0;
        for (int i = 1; i < points.size(); i++) {
            double segment = DistanceCalcEarth.DIST_EARTH.calcDist(points.getLat(i - 1), points.getLon(i - 1),
                    points.getLat(i), points.getLon(i));
            if (i <= snap.getWayIndex()) {
                along += segment;
            }
            total += segment;
        }
        int w = Math.min(snap.getWayIndex(), points.size() - 1);
        along += DistanceCalcEarth.DIST_EARTH.calcDist(points.getLat(w), points.getLon(w),
                snap.getSnappedPoint().lat, snap.getSnappedPoint().lon);
        double fraction = total <= 0 ? 0 : Math.min(1, along / total);
        SnapAnchor anchor = new SnapAnchor(edge.getEdge(), edge.getBaseNode(), edge.getAdjNode(), fraction);
        fill(anchor.forward, edge, weighting, metric, false);
        fill(anchor.backward, edge, weighting, metric, true);
        return anchor;
    }

    /** Whole-edge cost, millis and metres in one direction (a→b: not reverse); infinite cost when closed. */
    private static void fill(double[] into, EdgeIteratorState edge, Weighting weighting, Metric metric, boolean reverse) {
        double weight = weighting.calcEdgeWeight(edge, reverse);
        into[0] = Double.isInfinite(weight) ? Double.POSITIVE_INFINITY : metric == Metric.FASTEST ? weight : edge.getDistance();
        into[1] = Double.isInfinite(weight) ? 0 : weighting.calcEdgeMillis(edge, reverse);
        into[2] = edge.getDistance();
    }

    boolean onNode() {
        return edge < 0;
    }
}
