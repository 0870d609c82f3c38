package org.gridpatrol.routing.schedule;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.TravelMode;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * A team of a visit plan: its base, how it travels and its shift on each date it works (dates without
 * a shift are days off).
 */
public record ScheduleTeam(String name, GeoPoint base, TravelMode mode, Map<LocalDate, DailyShift> shifts) {

    public ScheduleTeam {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(mode, "mode");
        shifts = Map.copyOf(shifts);
    }

    /** A shift from {@code startSeconds} to {@code endSeconds} after midnight, within the day. */
    public record DailyShift(long startSeconds, long endSeconds) {
        public DailyShift {
            if (startSeconds < 0 || endSeconds > 86_400 || endSeconds <= startSeconds) {
                throw new IllegalArgumentException("a shift must start before it ends, within its day: "
                        + startSeconds + ".." + endSeconds + " s");
            }
        }

        public long lengthSeconds() {
            return endSeconds - startSeconds;
        }
    }
}
