package org.gridpatrol.routing.solve;

import java.util.Objects;

/**
 * A place a patrol must visit: its matrix {@code location}, a {@code priority} from 1 (low) to 10
 * (high) used when the shift cannot hold every checkpoint, and the time spent there.
 */
public record Checkpoint(String id, int location, int priority, long serviceSeconds) {

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
    }
}
