package org.gridpatrol.routing.schedule;

import org.gridpatrol.routing.solve.TimeWindow;

import java.util.List;
import java.util.Objects;

/**
 * One visit a plan must make: to checkpoint {@code checkpointId} at matrix {@code location}, on a day
 * from {@code releaseDay} to {@code dueDay} (0-based days of the horizon, inclusive), starting service
 * inside one of {@code timeWindows} (seconds after midnight; empty: any time of a shift).
 *
 * @param overdue whether it was due before the horizon starts: it may be made on any day from its release
 *                (its {@code dueDay} is then the horizon's last day) but is placed before all others, as early as possible
 */
public record DueVisit(String visitId, String checkpointId, int location, int releaseDay, int dueDay, boolean overdue,
                       long serviceSeconds, List<TimeWindow> timeWindows) {

    public DueVisit {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(checkpointId, "checkpointId");
        timeWindows = List.copyOf(timeWindows);
        if (location < 0 || releaseDay < 0 || dueDay < releaseDay || serviceSeconds < 0) {
            throw new IllegalArgumentException("visit " + visitId + ": location >= 0, 0 <= releaseDay <= dueDay, service >= 0");
        }
    }

    /** When service may start after arriving at {@code arrival} (seconds of the day), or -1 when every window is past. */
    long serviceStart(long arrival) {
        if (timeWindows.isEmpty()) {
            return arrival;
        }
        for (TimeWindow w : timeWindows) {
            if (arrival <= w.closeSeconds()) {
                return Math.max(arrival, w.openSeconds());
            }
        }
        return -1;
    }
}
