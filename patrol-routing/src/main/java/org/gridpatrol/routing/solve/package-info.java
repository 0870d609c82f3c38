/**
 * Patrol planning over a travel matrix: one closed loop per team from its base, visiting every
 * checkpoint when the shift allows (travelling salesman) or the most priority that fits when it does
 * not (orienteering), with checkpoints split across teams so the longest shift is as short as possible.
 * Checkpoints may have time windows and teams a shift start: the planner then waits when early, serves
 * inside the windows and drops what no team can meet ({@link org.gridpatrol.routing.solve.WindowedPlanner}).
 * Entry point: {@link org.gridpatrol.routing.solve.PatrolPlanner}. Pure Java, no routing engine: the
 * caller supplies the {@link org.gridpatrol.routing.solve.TravelMatrix}. The generic capacitated VRPTW
 * engine is in {@code solve.tw}.
 */
package org.gridpatrol.routing.solve;
