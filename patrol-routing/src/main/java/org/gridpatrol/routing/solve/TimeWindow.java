package org.gridpatrol.routing.solve;

/**
 * A span of the day in which a checkpoint may be served, in seconds after midnight of the plan's day
 * ({@code 18:00–21:00} is {@code 64_800–75_600}). Service must <em>start</em> inside the window; a team
 * arriving early waits until {@code openSeconds}. Windows past midnight are not supported: split them.
 */
public record TimeWindow(long openSeconds, long closeSeconds) {

    public TimeWindow {
        if (openSeconds < 0 || closeSeconds > 86_400L * 2) {
            throw new IllegalArgumentException("time window must lie within 0..172800 s, was "
                    + openSeconds + ".." + closeSeconds);
        }
        if (closeSeconds < openSeconds) {
            throw new IllegalArgumentException("time window closes (" + closeSeconds + " s) before it opens ("
                    + openSeconds + " s)");
        }
    }

    /** Whether service may start at {@code secondsOfDay}. */
    public boolean admits(long secondsOfDay) {
        return secondsOfDay >= openSeconds && secondsOfDay <= closeSeconds;
    }
}
