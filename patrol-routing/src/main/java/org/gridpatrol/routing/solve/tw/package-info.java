/**
 * A vehicle routing engine with hard time windows and capacities (VRPTW): one depot, a homogeneous
 * fleet, objective fewest vehicles first, then total distance. Entry point:
 * {@link org.gridpatrol.routing.solve.tw.VrptwSolver}. Route feasibility of an insertion is checked in
 * O(1) from each route's earliest service starts (forward) and latest service starts (backward, the
 * time-window slack of Savelsbergh); the search is ruin and recreate with string removals and blinking
 * insertion (after Christiaens and Vanden Berghe, 2020) and O(1) inter-route moves (relocate, swap,
 * 2-opt*) on granular neighbour lists; fleet minimisation by an ejection pool (after Nagata and
 * Bräysy, 2009), then distance minimisation with simulated annealing. Pure Java; written here, no code
 * copied.
 */
package org.gridpatrol.routing.solve.tw;
