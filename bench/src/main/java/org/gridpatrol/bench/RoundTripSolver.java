package org.gridpatrol.bench;

import java.time.Duration;

/** A solver of {@link RoundTrip}s under a time budget: ours or a peer. */
interface RoundTripSolver {

    String name();

    /** The visited nodes in order, without the start node 0. */
    int[] solve(RoundTrip problem, Duration budget, long seed);
}
