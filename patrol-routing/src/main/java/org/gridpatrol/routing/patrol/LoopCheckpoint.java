package org.gridpatrol.routing.patrol;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.solve.TimeWindow;

import java.util.List;
import java.util.Objects;

/**
 * One checkpoint of a patrol loop request: where, how important and how long the patrol stays.
 *
 * @param id             unique within the request, not blank (e.g. {@code rental:17} or the caller's own)
 * @param kind           a free label carried into the result ({@code point}, {@code rental_due} …)
 * @param priority       1 (low) to 10 (high): what a short shift keeps
 * @param serviceSeconds time spent at the checkpoint, 0 or more
 * @param timeWindows    when service may start, in seconds after midnight of the plan day (empty: any
 *                       time of the shift); sorted, not overlapping
 */
public record LoopCheckpoint(String id, String kind, GeoPoint at, int priority, long serviceSeconds,
                             List<TimeWindow> timeWindows) {

    /** A checkpoint that may be served at any time of the shift. */
    public LoopCheckpoint(String id, String kind, GeoPoint at, int priority, long serviceSeconds) {
        this(id, kind, at, priority, serviceSeconds, List.of());
    }

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
        timeWindows = List.copyOf(timeWindows);
        for (int i = 1; i < timeWindows.size(); i++) {
            if (timeWindows.get(i).openSeconds() <= timeWindows.get(i - 1).closeSeconds()) {
                throw new IllegalArgumentException("checkpoint " + id + ": time windows must be sorted and not overlap");
            }
        }
    }

    /** The same checkpoint with these time windows. */
    public LoopCheckpoint withTimeWindows(List<TimeWindow> windows) {
        return new LoopCheckpoint(id, kind, at, priority, serviceSeconds, windows);
    }
}
