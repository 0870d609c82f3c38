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
 */
public record LoopRequest(TravelMode mode, long shiftSeconds, List<GeoPoint> teamBases, List<LoopCheckpoint> checkpoints,
                          Instant start, PatrolArea keepInside) {

    public LoopRequest {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(start, "start");
        if (shiftSeconds <= 0) {
            throw new IllegalArgumentException("shiftSeconds must be positive, was " + shiftSeconds);
        }
        teamBases = List.copyOf(teamBases);
        checkpoints = List.copyOf(checkpoints);
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
        return new LoopRequest(mode, shiftSeconds, teamBases, checkpoints, start, area);
    }
}
