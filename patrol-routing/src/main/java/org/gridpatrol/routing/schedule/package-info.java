/**
 * Visit plans over days: which visit goes on which day and team ({@link org.gridpatrol.routing.schedule.DayAssigner},
 * with {@link org.gridpatrol.routing.schedule.GreedyBaseline} as the benchmark's reference), then one loop per
 * day and team through {@link org.gridpatrol.routing.patrol.PatrolLoops} ({@link org.gridpatrol.routing.schedule.VisitScheduler}).
 */
package org.gridpatrol.routing.schedule;
