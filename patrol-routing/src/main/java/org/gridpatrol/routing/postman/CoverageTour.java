package org.gridpatrol.routing.postman;

import java.util.List;

/**
 * A closed route from the base: the traversals in driving order, their total meters and seconds, and
 * {@code deadheadMeters}: the meters beyond driving each required edge once.
 */
public record CoverageTour(List<Traversal> traversals, long meters, long seconds, long deadheadMeters) {

    public CoverageTour {
        traversals = List.copyOf(traversals);
        if (meters < 0 || seconds < 0 || deadheadMeters < 0 || deadheadMeters > meters) {
            throw new IllegalArgumentException("meters, seconds >= 0 and 0 <= deadheadMeters <= meters");
        }
    }
}
