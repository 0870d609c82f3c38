package org.gridpatrol.routing.matrix;

/** What a matrix search minimises; both respect the profile's access and one-way rules. */
public enum Metric {
    /** The profile's weighting (travel time and priorities), as GraphHopper routes. */
    FASTEST,
    /** Length along the roads (what pgRouting's {@code pgr_dijkstraCostMatrix} is given). */
    SHORTEST
}
