package org.gridpatrol.routing.patrol;

import org.gridpatrol.routing.route.RoutedPath;

import java.util.Objects;

/**
 * The result of {@link PatrolCoverage}: one closed route from the street node nearest the base back
 * to it. {@code path.distanceMeters() = requiredMeters + deadheadMeters}. Unrounded.
 *
 * @param baseSnapMeters    how far the base lies from the street node the route starts and ends at
 * @param path              the road line with turn instructions
 * @param durationSeconds   travel time of the whole route
 * @param requiredSegments  street segments of the grid the route drives (at least once each)
 * @param requiredMeters    their length, each counted once
 * @param deadheadMeters    the meters beyond driving each required segment once
 * @param unreachableMeters length of grid streets left out because no closed route from the base can
 *                          drive them (one-way dead ends, pieces cut off from the base)
 */
public record PatrolCoverageResult(double baseSnapMeters, RoutedPath path, long durationSeconds, int requiredSegments,
                                   long requiredMeters, long deadheadMeters, double unreachableMeters) {

    public PatrolCoverageResult {
        Objects.requireNonNull(path, "path");
        if (requiredSegments < 0 || requiredMeters < 0 || deadheadMeters < 0 || durationSeconds < 0) {
            throw new IllegalArgumentException("segments, meters and seconds must not be negative");
        }
    }
}
