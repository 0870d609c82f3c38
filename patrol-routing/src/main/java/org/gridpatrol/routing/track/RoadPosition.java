package org.gridpatrol.routing.track;

/**
 * A position on one edge of the road graph: a candidate for a fix.
 *
 * @param edge           graph edge id
 * @param offsetMeters   distance along the edge's geometry from its base node
 * @param lengthMeters   length of the edge's geometry
 * @param lon            longitude of the position
 * @param lat            latitude of the position
 * @param distanceMeters great-circle distance from the fix to the position
 */
public record RoadPosition(int edge, double offsetMeters, double lengthMeters, double lon, double lat,
                           double distanceMeters) {
    public RoadPosition {
        if (!(offsetMeters >= 0 && offsetMeters <= lengthMeters + 1e-6)) {
            throw new IllegalArgumentException("offset " + offsetMeters + " is outside the edge (length " + lengthMeters + ")");
        }
    }
}
