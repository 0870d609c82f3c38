package org.gridpatrol.routing.solve;

/**
 * Travel costs between locations {@code 0..size()-1}, possibly asymmetric (one-way streets).
 *
 * <p>Unreachable pairs are reported as {@link #UNREACHABLE} ({@code Long.MAX_VALUE}) in both
 * {@link #seconds} and {@link #meters}; every other value is {@code >= 0}. Negative values are not
 * allowed. The diagonal is expected to be 0.
 */
public interface TravelMatrix {

    /** The value of {@link #seconds} and {@link #meters} for a pair with no route. */
    long UNREACHABLE = Long.MAX_VALUE;

    int size();

    long seconds(int from, int to);

    long meters(int from, int to);

    /** Whether there is a route from {@code from} to {@code to}. */
    default boolean reachable(int from, int to) {
        return seconds(from, to) != UNREACHABLE;
    }
}
