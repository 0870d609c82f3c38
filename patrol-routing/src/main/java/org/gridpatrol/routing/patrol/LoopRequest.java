package org.gridpatrol.routing.patrol;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.PatrolArea;
import org.gridpatrol.routing.graph.TravelMode;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link PatrolLoops} plans: one team per base, all with the same shift, over the checkpoints.
 * Validated here (the HTTP layer checks field by field before, naming the field); lists are copied.
 *
 * @param mode         how the teams travel
 * @param shiftSeconds the time each team has for its loop, service times included; positive
 * @param teamBases    one base per team, at least one; teams may share a base
 * @param checkpoints  ids unique; may be empty (every team then stays at its base)
 * @param start        when the shifts start: arrivals are counted from it
 * @param keepInside   the area every path must stay in (checkpoints outside it are refused as off the
 *                     network), or null
 * @param shiftStartSeconds where {@code start} lies in the plan day, in seconds after its midnight
 *                     (0..86400): the checkpoints' time windows count from that midnight
 */
public record LoopRequest(TravelMode mode, long shiftSeconds, List<GeoPoint> teamBases, List<LoopCheckpoint> checkpoints,
                          Instant start, PatrolArea keepInside, long shiftStartSeconds) {

    /** Shifts starting at the plan day's origin (requests without time windows). */
    public LoopRequest(TravelMode mode, long shiftSeconds, List<GeoPoint> teamBases, List<LoopCheckpoint> checkpoints,
                       Instant start, PatrolArea keepInside) {
        this(mode, shiftSeconds, teamBases, checkpoints, start, keepInside, 0);
    }

    public LoopRequest {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(start, "start");
        if (shiftSeconds <= 0) {
            throw new IllegalArgumentException("shiftSeconds must be positive, was " + shiftSeconds);
        }
        teamBases = List.copyOf(teamBases);
        checkpoints = List.copyOf(checkpoints);
        if (shiftStartSeconds < 0 || shiftStartSeconds > 86_400) {
            throw new IllegalArgumentException("shiftStartSeconds must be 0..86400, was " + shiftStartSeconds);
        }
        if (teamBases.isEmpty()) {
            throw new IllegalArgumentException("at least one team base is needed");
        }
        Set<String> ids = new HashSet<>();
        for (LoopCheckpoint checkpoint : checkpoints) {
            if (!ids.add(checkpoint.id())) {
                throw new IllegalArgumentException("duplicate checkpoint id '" + checkpoint.id() + "'");
            }
        }
    }

    /** Without an area restriction. */
    public LoopRequest(TravelMode mode, long shiftSeconds, List<GeoPoint> teamBases, List<LoopCheckpoint> checkpoints,
                       Instant start) {
        this(mode, shiftSeconds, teamBases, checkpoints, start, null);
    }

    /** The same request with every path kept inside {@code area} (null: no restriction). */
    public LoopRequest keptInside(PatrolArea area) {
        return new LoopRequest(mode, shiftSeconds, teamBases, checkpoints, start, area, shiftStartSeconds);
    }

    /** The same request with the shift starting {@code seconds} after the plan day's midnight. */
    public LoopRequest startingAt(long seconds) {
        return new LoopRequest(mode, shiftSeconds, teamBases, checkpoints, start, keepInside, seconds);
    }

    /** The plan day's midnight: time windows count from it. */
    public Instant dayOrigin() {
        return start.minusSeconds(shiftStartSeconds);
    }
}
