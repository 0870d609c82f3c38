package org.gridpatrol.routing.route;

import org.gridpatrol.routing.graph.GeoPoint;

import java.util.Objects;

/**
 * One turn instruction of a path.
 *
 * @param sign            GraphHopper's sign (-3 sharp left … 3 sharp right, 4 finish, 5 stop reached, 6 roundabout …)
 * @param street          the street taken, empty when unnamed
 * @param zh              the instruction in Simplified Chinese
 * @param en              the instruction in English
 * @param distanceMeters  how far to travel after it
 * @param durationSeconds how long that takes
 * @param at              where it applies
 */
public record TurnInstruction(int sign, String street, String zh, String en, double distanceMeters,
                              double durationSeconds, GeoPoint at) {
    public TurnInstruction {
        street = street == null ? "" : street;
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(at, "at");
        if (distanceMeters < 0 || durationSeconds < 0) {
            throw new IllegalArgumentException("distance and duration must not be negative");
        }
    }
}
