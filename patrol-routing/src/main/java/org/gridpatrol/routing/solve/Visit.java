package org.gridpatrol.routing.solve;

import java.util.Objects;

/**
 * One stop of a tour: the team arrives {@code arrivalSeconds} after leaving its base, waits
 * {@code waitSeconds} when it is early for the checkpoint's time window, then serves it. Both are
 * offsets from the team's departure; add {@link Team#shiftStartSeconds()} for the time of day
 * ({@link TeamTour#serviceStartOfDay(Visit)}). Without time windows the wait is always 0.
 */
public record Visit(Checkpoint checkpoint, long arrivalSeconds, long waitSeconds) {

    /** A visit served on arrival (no waiting). */
    public Visit(Checkpoint checkpoint, long arrivalSeconds) {
        this(checkpoint, arrivalSeconds, 0);
    }

    public Visit {
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (arrivalSeconds < 0) {
            throw new IllegalArgumentException("arrivalSeconds must be >= 0");
        }
        if (waitSeconds < 0) {
            throw new IllegalArgumentException("waitSeconds must be >= 0");
        }
    }

    /** When service starts, as an offset from the team's departure ({@code arrival + wait}). */
    public long serviceStartSeconds() {
        return arrivalSeconds + waitSeconds;
    }
}
