package org.gridpatrol.routing.patrol;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.route.RoutedPath;
import org.gridpatrol.routing.solve.DropReason;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link PatrolLoops}: one loop per team, in the order of the request's bases, and the
 * checkpoints in no loop with the reason. Every checkpoint of the request is in exactly one of the two.
 * Distances and times are unrounded.
 */
public record PatrolLoopResult(List<TeamLoop> loops, List<Dropped> dropped) {

    public PatrolLoopResult {
        loops = List.copyOf(loops);
        dropped = List.copyOf(dropped);
    }

    /**
     * One team's closed loop base → stops → base.
     *
     * @param team            1-based team number
     * @param name            {@code team N}
     * @param baseSnapMeters  how far the base lies from the road the loop starts on
     * @param path            the road path through base, stops and base, with turn instructions
     * @param durationSeconds the whole loop by the travel matrix, service times included
     * @param stops           the checkpoints in visiting order
     */
    public record TeamLoop(int team, String name, GeoPoint base, double baseSnapMeters, RoutedPath path,
                           long durationSeconds, List<Stop> stops) {
        public TeamLoop {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(path, "path");
            stops = List.copyOf(stops);
        }
    }

    /**
     * A checkpoint on a loop.
     *
     * @param arrival      the planned arrival (the shift's start plus the travel and service before it)
     * @param snapMeters   how far the checkpoint lies from the road
     * @param serviceStart when service starts: the arrival, or the opening of the time window waited for
     */
    public record Stop(LoopCheckpoint checkpoint, Instant arrival, double snapMeters, Instant serviceStart) {
        public Stop {
            Objects.requireNonNull(checkpoint, "checkpoint");
            Objects.requireNonNull(arrival, "arrival");
            Objects.requireNonNull(serviceStart, "serviceStart");
        }

        /** A stop served on arrival. */
        public Stop(LoopCheckpoint checkpoint, Instant arrival, double snapMeters) {
            this(checkpoint, arrival, snapMeters, arrival);
        }
    }

    /** A checkpoint in no loop, and why. */
    public record Dropped(LoopCheckpoint checkpoint, DropReason reason) {
        public Dropped {
            Objects.requireNonNull(checkpoint, "checkpoint");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
