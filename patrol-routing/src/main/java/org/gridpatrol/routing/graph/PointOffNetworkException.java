package org.gridpatrol.routing.graph;

import java.util.Locale;

/**
 * A point lies too far from any road its mode may use (or outside the graph altogether). The
 * message names the point, how far the nearest road is and the limit.
 */
public class PointOffNetworkException extends RuntimeException {

    private final String label;
    private final double snapMeters;

    public PointOffNetworkException(String label, GeoPoint point, double snapMeters, double maxSnapMeters) {
        super(Double.isInfinite(snapMeters)
                ? String.format(Locale.ROOT, "%s [%.6f, %.6f] has no usable road nearby (off the road graph)", label, point.lon(), point.lat())
                : String.format(Locale.ROOT, "%s [%.6f, %.6f] is %.0f m from the nearest usable road (at most %.0f m)",
                        label, point.lon(), point.lat(), snapMeters, maxSnapMeters));
        this.label = label;
        this.snapMeters = snapMeters;
    }

    /** The caller's name of the point. */
    public String label() {
        return label;
    }

    /** Distance to the nearest usable road; infinite when the graph has none near. */
    public double snapMeters() {
        return snapMeters;
    }
}
