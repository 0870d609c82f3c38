package org.gridpatrol.routing.solve;

import java.util.Objects;

/** A patrol team: it leaves {@code baseLocation} and must be back within {@code shiftSeconds}. */
public record Team(String name, int baseLocation, long shiftSeconds) {

    public Team {
        Objects.requireNonNull(name, "name");
        if (baseLocation < 0) {
            throw new IllegalArgumentException("team " + name + ": baseLocation must be >= 0");
        }
        if (shiftSeconds <= 0) {
            throw new IllegalArgumentException("team " + name + ": shiftSeconds must be > 0");
        }
    }
}
