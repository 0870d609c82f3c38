package org.gridpatrol.routing.gpx;

import org.gridpatrol.routing.graph.GeoPoint;

import java.time.Instant;
import java.util.Objects;

/**
 * A stop of a GPX route.
 *
 * @param name    shown by GPS devices (a checkpoint id, never a person's name)
 * @param type    a kind such as {@code base}, {@code rental}, {@code key_place}; may be empty
 * @param at      its position
 * @param arrival planned arrival, or null
 */
public record GpxStop(String name, String type, GeoPoint at, Instant arrival) {
    public GpxStop {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
        type = type == null ? "" : type;
    }
}
