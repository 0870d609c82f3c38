package org.gridpatrol.web.patrol;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.TravelMode;

import java.time.Instant;
import java.util.List;

/**
 * A checked patrol-loop request.
 *
 * @param teamBases      one base per team
 * @param gridId         the grid the checkpoints were selected from, or null
 * @param jurisdictionId the jurisdiction the caller named, or null
 * @param keepInside     the area paths must stay in, or null
 */
public record LoopInput(TravelMode mode, long shiftSeconds, List<GeoPoint> teamBases, List<CheckpointSpec> checkpoints,
                 Instant start, Long jurisdictionId, Long gridId, KeepInside keepInside) {

    /**
     * Paths stay inside this jurisdiction (null: the route's own) plus {@code borderMeters}.
     */
    public record KeepInside(Long jurisdictionId, int borderMeters) {
    }

    /** One checkpoint: where, how important (1..10) and how long the patrol stays. */
    public record CheckpointSpec(String id, String kind, GeoPoint at, int priority, long serviceSeconds) {
    }
}
