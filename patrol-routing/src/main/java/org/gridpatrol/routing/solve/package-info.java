/**
 * Patrol planning over a travel matrix: one closed loop per team from its base, visiting every
 * checkpoint when the shift allows (travelling salesman) or the most priority that fits when it does
 * not (orienteering), with checkpoints split across teams so the longest shift is as short as possible.
 * Entry point: {@link org.gridpatrol.routing.solve.PatrolPlanner}. Pure Java, no routing engine: the
 * caller supplies the {@link org.gridpatrol.routing.solve.TravelMatrix}.
 */
package org.gridpatrol.routing.solve;
