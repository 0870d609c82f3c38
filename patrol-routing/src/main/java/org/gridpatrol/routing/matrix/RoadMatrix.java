package org.gridpatrol.routing.matrix;

import org.gridpatrol.routing.graph.SnappedPoint;

import java.util.List;

/**
 * Travel seconds and metres between snapped points, row = from, column = to (asymmetric where
 * one-way streets make it so). {@link #UNREACHABLE} ({@code Long.MAX_VALUE}) marks a pair with no
 * path, in both arrays; the diagonal is 0. The arrays are shared, not copied: do not modify them.
 *
 * @param points  the points in matrix order, with their snap distances
 * @param seconds travel time, rounded to whole seconds
 * @param meters  length of the same path, rounded to whole metres
 */
public record RoadMatrix(List<SnappedPoint> points, long[][] seconds, long[][] meters) {

    public static final long UNREACHABLE = Long.MAX_VALUE;

    public RoadMatrix {
        points = List.copyOf(points);
        if (seconds.length != points.size() || meters.length != points.size()) {
            throw new IllegalArgumentException("the matrix must have one row per point");
        }
    }

    public int size() {
        return points.size();
    }
}
