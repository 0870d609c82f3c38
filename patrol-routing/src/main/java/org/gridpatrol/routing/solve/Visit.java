package org.gridpatrol.routing.solve;

import java.util.Objects;

/** One stop of a tour: the team arrives {@code arrivalSeconds} after leaving its base. */
public record Visit(Checkpoint checkpoint, long arrivalSeconds) {

    public Visit {
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (arrivalSeconds < 0) {
            throw new IllegalArgumentException("arrivalSeconds must be >= 0");
        }
    }
}
