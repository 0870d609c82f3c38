package org.gridpatrol.routing.solve;

/** Why a checkpoint is in no tour. */
public enum DropReason {
    /** No team can drive from its base to the checkpoint and back. */
    UNREACHABLE,
    /** Even alone (base → checkpoint → base plus its service time) it does not fit any team's shift. */
    EXCEEDS_SHIFT_ALONE,
    /** Even alone no team can start its service inside one of its time windows during its shift. */
    OUTSIDE_TIME_WINDOWS,
    /**
     * It would fit alone, but not together with the kept checkpoints: the shifts are full and the
     * kept set carries more total priority than any exchange the planner found.
     */
    LOWER_PRIORITY_THAN_KEPT
}
