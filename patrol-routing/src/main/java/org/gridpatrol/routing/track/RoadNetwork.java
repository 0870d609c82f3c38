package org.gridpatrol.routing.track;

import org.gridpatrol.routing.graph.GeoPoint;

import java.util.List;

/** What the matcher needs of a road graph: positions near a fix and bounded route distances between positions. */
public interface RoadNetwork {

    /** One position per usable edge within {@code radiusMeters} of the point, nearest first, at most {@code max}. */
    List<RoadPosition> near(double lon, double lat, double radiusMeters, int max);

    /**
     * Shortest route distances (metres, respecting one-way edges) from {@code from}, leaving it
     * {@code forward} (towards its edge's adjacent node) or backward, to each of {@code to}, arriving
     * forward ({@code [j][0]}: travelling from the target edge's base node) or backward ({@code [j][1]});
     * {@code Double.POSITIVE_INFINITY} where no route of at most {@code maxMeters} exists.
     */
    double[][] distances(RoadPosition from, boolean forward, List<RoadPosition> to, double maxMeters);

    /** The line of that shortest route (at least the two positions; a straight line when there is none). */
    List<GeoPoint> path(RoadPosition from, boolean forward, RoadPosition to, boolean arriveForward, double maxMeters);
}
