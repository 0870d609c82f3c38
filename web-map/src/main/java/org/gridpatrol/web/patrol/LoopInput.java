package org.gridpatrol.web.patrol;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.patrol.LoopCheckpoint;
import org.gridpatrol.routing.patrol.LoopRequest;

import java.time.Instant;
import java.util.List;

/**
 * Only for {@code bench.PatrolLoopBenchmark}, until it builds a
 * {@link org.gridpatrol.routing.patrol.LoopRequest} itself; the API reads requests with
 * {@link RouteRequestReader}. To be removed with {@link PatrolLoopService}.
 */
@Deprecated(forRemoval = true)
public record LoopInput(TravelMode mode, long shiftSeconds, List<GeoPoint> teamBases, List<CheckpointSpec> checkpoints,
                 Instant start, Long jurisdictionId, Long gridId, Object keepInside) {

    /** One checkpoint: where, how important (1..10) and how long the patrol stays. */
    public record CheckpointSpec(String id, String kind, GeoPoint at, int priority, long serviceSeconds) {
    }

    LoopRequest toLoopRequest() {
        return new LoopRequest(mode, shiftSeconds, teamBases, checkpoints.stream()
                .map(c -> new LoopCheckpoint(c.id(), c.kind(), c.at(), c.priority(), c.serviceSeconds())).toList(), start);
    }
}
