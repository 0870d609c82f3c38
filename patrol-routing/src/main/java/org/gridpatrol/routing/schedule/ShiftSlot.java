package org.gridpatrol.routing.schedule;

import org.gridpatrol.routing.solve.TravelMatrix;

import java.util.Objects;

/**
 * One team's shift on one day of the horizon: it leaves {@code baseLocation} at {@code startSeconds}
 * (after midnight of the day) and must be back {@code lengthSeconds} later, travelling by {@code matrix}
 * (the team's mode; every slot's matrix indexes the same points).
 *
 * @param day  0-based day of the horizon
 * @param team 0-based team index
 */
public record ShiftSlot(int day, int team, int baseLocation, long startSeconds, long lengthSeconds, TravelMatrix matrix) {

    public ShiftSlot {
        Objects.requireNonNull(matrix, "matrix");
        if (day < 0 || team < 0 || baseLocation < 0) {
            throw new IllegalArgumentException("day, team and baseLocation must be >= 0");
        }
        if (startSeconds < 0 || lengthSeconds <= 0 || startSeconds + lengthSeconds > 86_400) {
            throw new IllegalArgumentException("a shift must lie within its day, was " + startSeconds + " + " + lengthSeconds + " s");
        }
    }

    public long endSeconds() {
        return startSeconds + lengthSeconds;
    }
}
