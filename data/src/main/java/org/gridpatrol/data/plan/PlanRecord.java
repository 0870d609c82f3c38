package org.gridpatrol.data.plan;

import org.gridpatrol.geo.plan.PlanState;

/** A plan's row and its current state. */
public record PlanRecord(long id, long jurisdictionId, String jurisdictionCode, int version, int step, int lastStep,
                         String status, Long basePublicationId, PlanState state) {

    public boolean canUndo() {
        return step > 0;
    }

    public boolean canRedo() {
        return step < lastStep;
    }
}
