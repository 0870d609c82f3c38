package org.gridpatrol.routing.solve;

import java.util.Objects;

/**
 * A patrol team: it leaves {@code baseLocation} at {@code shiftStartSeconds} (seconds after midnight
 * of the plan's day; 0 when the plan has no time windows) and must be back within {@code shiftSeconds}.
 */
public record Team(String name, int baseLocation, long shiftSeconds, long shiftStartSeconds) {

    /** A team whose shift starts at the day's origin (plans without time windows). */
    public Team(String name, int baseLocation, long shiftSeconds) {
        this(name, baseLocation, shiftSeconds, 0);
    }

    public Team {
        Objects.requireNonNull(name, "name");
        if (baseLocation < 0) {
            throw new IllegalArgumentException("team " + name + ": baseLocation must be >= 0");
        }
        if (shiftSeconds <= 0) {
            throw new IllegalArgumentException("team " + name + ": shiftSeconds must be > 0");
        }
        if (shiftStartSeconds < 0) {
            throw new IllegalArgumentException("team " + name + ": shiftStartSeconds must be >= 0");
        }
    }
}
