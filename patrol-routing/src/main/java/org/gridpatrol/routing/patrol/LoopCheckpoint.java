package org.gridpatrol.routing.patrol;

import org.gridpatrol.routing.graph.GeoPoint;

import java.util.Objects;

/**
 * One checkpoint of a patrol loop request: where, how important and how long the patrol stays.
 *
 * @param id             unique within the request, not blank (e.g. {@code rental:17} or the caller's own)
 * @param kind           a free label carried into the result ({@code point}, {@code rental_due} …)
 * @param priority       1 (low) to 10 (high): what a short shift keeps
 * @param serviceSeconds time spent at the checkpoint, 0 or more
 */
public record LoopCheckpoint(String id, String kind, GeoPoint at, int priority, long serviceSeconds) {

    public LoopCheckpoint {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a checkpoint id must not be blank");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        if (priority < 1 || priority > 10) {
            throw new IllegalArgumentException("checkpoint " + id + ": priority must be 1..10, was " + priority);
        }
        if (serviceSeconds < 0) {
            throw new IllegalArgumentException("checkpoint " + id + ": serviceSeconds must be >= 0, was " + serviceSeconds);
        }
    }
}
