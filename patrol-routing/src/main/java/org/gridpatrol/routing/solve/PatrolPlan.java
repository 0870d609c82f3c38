package org.gridpatrol.routing.solve;

import java.util.List;

/**
 * The result of {@link PatrolPlanner}: one tour per team, in the order of the problem's teams, and
 * the checkpoints in no tour. Every checkpoint of the problem is in exactly one of the two.
 */
public record PatrolPlan(List<TeamTour> tours, List<DroppedCheckpoint> dropped) {

    public PatrolPlan {
        tours = List.copyOf(tours);
        dropped = List.copyOf(dropped);
    }

    /** The longest tour's duration (0 with no visits). */
    public long longestSeconds() {
        return tours.stream().mapToLong(TeamTour::durationSeconds).max().orElse(0);
    }

    /** The sum of all tours' durations. */
    public long totalSeconds() {
        return tours.stream().mapToLong(TeamTour::durationSeconds).sum();
    }

    /** The sum of the priorities of the visited checkpoints. */
    public int visitedPriority() {
        return tours.stream().flatMap(t -> t.visits().stream()).mapToInt(v -> v.checkpoint().priority()).sum();
    }
}
