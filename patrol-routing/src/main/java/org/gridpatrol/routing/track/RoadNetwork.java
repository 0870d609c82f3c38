package org.gridpatrol.routing.track;

import org.gridpatrol.routing.graph.GeoPoint;

import java.util.List;

/** What the matcher needs of a road graph: positions near a fix and bounded route distances between positions. */
public interface RoadNetwork {

    /** One position per usable edge within {@code radiusMeters} of the point, nearest first, at most {@code max}. */
    List<RoadPosition> near(double lon, double lat, double radiusMeters, int max);

    /**
     * Shortest route distances (metres, respecting one-way edges) from {@code from} to each of
     * {@code to}; {@code Double.POSITIVE_INFINITY} where no route of at most {@code maxMeters} exists.
     */
    double[] distances(RoadPosition from, List<RoadPosition> to, double maxMeters);

    /** The shortest route's line from {@code from} to {@code to} (at least the two positions), searched up to {@code maxMeters}. */
    List<GeoPoint> path(RoadPosition from, RoadPosition to, double maxMeters);
}
