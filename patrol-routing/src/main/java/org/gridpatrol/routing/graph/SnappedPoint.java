package org.gridpatrol.routing.graph;

import com.graphhopper.storage.index.Snap;

import java.util.Objects;

/**
 * A point placed on the road network of one mode.
 *
 * @param label      the caller's name for the point (used in messages)
 * @param query      where the caller put it
 * @param snapped    the nearest point on a road the mode may use
 * @param snapMeters distance from {@code query} to {@code snapped}
 */
public record SnappedPoint(String label, GeoPoint query, GeoPoint snapped, double snapMeters) {
    public SnappedPoint {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(snapped, "snapped");
        if (!(snapMeters >= 0)) {
            throw new IllegalArgumentException("snap distance must not be negative");
        }
    }

    /** From GraphHopper's snap, read before a query graph is built from it. */
    static SnappedPoint of(String label, GeoPoint query, Snap snap) {
        return new SnappedPoint(label, query, new GeoPoint(snap.getSnappedPoint().lon, snap.getSnappedPoint().lat),
                snap.getQueryDistance());
    }

    /** The same, for engine packages holding a fresh snap. */
    public static SnappedPoint fromSnap(String label, GeoPoint query, Snap snap) {
        return of(label, query, snap);
    }
}
