package org.gridpatrol.routing.solve;

import java.util.List;
import java.util.Objects;

/**
 * A place a patrol must visit: its matrix {@code location}, a {@code priority} from 1 (low) to 10
 * (high) used when the shift cannot hold every checkpoint, the time spent there, and the
 * {@code timeWindows} in which service may start (empty: any time of the team's shift; several:
 * any one of them; sorted, not overlapping).
 */
public record Checkpoint(String id, int location, int priority, long serviceSeconds, List<TimeWindow> timeWindows) {

    /** A checkpoint that may be served at any time of the shift. */
    public Checkpoint(String id, int location, int priority, long serviceSeconds) {
        this(id, location, priority, serviceSeconds, List.of());
    }

    public Checkpoint {
        Objects.requireNonNull(id, "id");
        if (location < 0) {
            throw new IllegalArgumentException("checkpoint " + id + ": location must be >= 0");
        }
        if (priority < 1 || priority > 10) {
            throw new IllegalArgumentException("checkpoint " + id + ": priority must be 1..10, was " + priority);
        }
        if (serviceSeconds < 0) {
            throw new IllegalArgumentException("checkpoint " + id + ": serviceSeconds must be >= 0");
        }
        timeWindows = List.copyOf(timeWindows);
        for (int i = 1; i < timeWindows.size(); i++) {
            if (timeWindows.get(i).openSeconds() <= timeWindows.get(i - 1).closeSeconds()) {
                throw new IllegalArgumentException("checkpoint " + id + ": time windows must be sorted and not overlap");
            }
        }
    }
}
