package org.gridpatrol.routing.solve;

import java.util.Objects;

/** A checkpoint left out of the plan, with the reason. */
public record DroppedCheckpoint(Checkpoint checkpoint, DropReason reason) {

    public DroppedCheckpoint {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(reason, "reason");
    }
}
