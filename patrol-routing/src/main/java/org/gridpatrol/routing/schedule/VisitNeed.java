package org.gridpatrol.routing.schedule;

import org.gridpatrol.routing.patrol.LoopCheckpoint;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A visit a plan must make: to {@code checkpoint} (with its service time and windows) on a date from
 * {@code release} to {@code due}. {@code overdue}: it was due before the plan starts, so it may be made on
 * any day from {@code release} to the plan's end but is planned first, as early as possible.
 *
 * @param visitId unique in the plan, e.g. {@code key_place:9@2} (the third visit of key place 9)
 */
public record VisitNeed(String visitId, String rule, LoopCheckpoint checkpoint, LocalDate release, LocalDate due,
                        boolean overdue) {

    public VisitNeed {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(due, "due");
        if (due.isBefore(release) && !overdue) {
            throw new IllegalArgumentException("visit " + visitId + " is due (" + due + ") before its release (" + release + ")");
        }
    }
}
