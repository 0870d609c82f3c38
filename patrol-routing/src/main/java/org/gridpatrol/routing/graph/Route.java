package org.gridpatrol.routing.graph;

import java.util.List;

/**
 * One route between two points on the road graph.
 *
 * @param mode            the travel mode it was computed for
 * @param distanceMeters  length along the roads
 * @param durationSeconds travel time at the profile's speeds
 * @param path            the geometry, longitude first, from start to end
 */
public record Route(TravelMode mode, double distanceMeters, double durationSeconds, List<GeoPoint> path) {
    public Route {
        if (distanceMeters < 0 || durationSeconds < 0) {
            throw new IllegalArgumentException("distance and duration must not be negative");
        }
        path = List.copyOf(path);
    }
}
