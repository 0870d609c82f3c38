package org.gridpatrol.routing.route;

import org.gridpatrol.routing.graph.GeoPoint;

import java.util.List;

/**
 * A path on the road graph.
 *
 * @param distanceMeters  length along the roads
 * @param durationSeconds travel time at the profile's speeds (no service time)
 * @param geometry        the line, longitude first
 * @param instructions    turn instructions in zh-CN and English
 */
public record RoutedPath(double distanceMeters, double durationSeconds, List<GeoPoint> geometry,
                         List<TurnInstruction> instructions) {
    public RoutedPath {
        if (distanceMeters < 0 || durationSeconds < 0) {
            throw new IllegalArgumentException("distance and duration must not be negative");
        }
        geometry = List.copyOf(geometry);
        instructions = List.copyOf(instructions);
    }
}
