package org.gridpatrol.routing.track;

import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.PointList;
import org.gridpatrol.routing.graph.GeoPoint;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of one graph edge, base node to adjacent node, measured in the edge's own metres
 * (GraphHopper's stored distance; the geometry's great-circle lengths are scaled to it so that
 * offsets and graph distances agree).
 */
final class EdgeLine {

    private static final double METERS_PER_DEGREE = 111_195.0;

    private final double[] lons;
    private final double[] lats;
    private final double[] along;
    private final double length;

    EdgeLine(PointList points, double edgeMeters) {
        int n = points.size();
        lons = new double[n];
        lats = new double[n];
        along = new double[n];
        for (int i = 0; i < n; i++) {
            lons[i] = points.getLon(i);
            lats[i] = points.getLat(i);
            if (i > 0) {
                along[i] = along[i - 1] + DistanceCalcEarth.DIST_EARTH.calcDist(lats[i - 1], lons[i - 1], lats[i], lons[i]);
            }
        }
        double geometryMeters = along[n - 1];
        double scale = geometryMeters > 0 ? edgeMeters / geometryMeters : 0;
        for (int i = 0; i < n; i++) {
            along[i] *= scale;
        }
        length = edgeMeters;
    }

    double length() {
        return length;
    }

    /** The nearest position on the line to a point, as {@code {offset, lon, lat, distanceMeters}}. */
    double[] project(double lon, double lat) {
        double cos = Math.cos(Math.toRadians(lat));
        double best = Double.POSITIVE_INFINITY;
        double[] result = {0, lons[0], lats[0], Double.POSITIVE_INFINITY};
        for (int i = 0; i + 1 < lons.length; i++) {
            double ax = (lons[i] - lon) * cos;
            double ay = lats[i] - lat;
            double dx = (lons[i + 1] - lons[i]) * cos;
            double dy = lats[i + 1] - lats[i];
            double square = dx * dx + dy * dy;
            double t = square == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / square));
            double px = ax + t * dx;
            double py = ay + t * dy;
            double d = Math.hypot(px, py);
            if (d < best) {
                best = d;
                result = new double[] {along[i] + t * (along[i + 1] - along[i]),
                        lons[i] + t * (lons[i + 1] - lons[i]), lats[i] + t * (lats[i + 1] - lats[i]), d * METERS_PER_DEGREE};
            }
        }
        if (lons.length == 1) {
            result[3] = Math.hypot((lons[0] - lon) * cos, lats[0] - lat) * METERS_PER_DEGREE;
        }
        return result;
    }

    /** The part of the line from offset {@code from} to offset {@code to} (reversed when {@code to < from}). */
    List<GeoPoint> piece(double from, double to) {
        double low = Math.max(0, Math.min(from, to));
        double high = Math.min(length, Math.max(from, to));
        List<GeoPoint> points = new ArrayList<>();
        points.add(at(low));
        for (int i = 0; i < lons.length; i++) {
            if (along[i] > low && along[i] < high) {
                points.add(new GeoPoint(lons[i], lats[i]));
            }
        }
        points.add(at(high));
        if (to < from) {
            java.util.Collections.reverse(points);
        }
        return points;
    }

    private GeoPoint at(double offset) {
        for (int i = 0; i + 1 < lons.length; i++) {
            if (offset <= along[i + 1] || i + 2 == lons.length) {
                double span = along[i + 1] - along[i];
                double t = span <= 0 ? 0 : Math.max(0, Math.min(1, (offset - along[i]) / span));
                return new GeoPoint(lons[i] + t * (lons[i + 1] - lons[i]), lats[i] + t * (lats[i + 1] - lats[i]));
            }
        }
        return new GeoPoint(lons[0], lats[0]);
    }
}
