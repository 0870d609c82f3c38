/**
 * Patrol data: stored patrol routes ({@link org.gridpatrol.data.patrol.PatrolRoutes}, per request and
 * per team), the checkpoints a patrol can be sent to, selected from the registers by grid and kind
 * ({@link org.gridpatrol.data.patrol.Checkpoints}), and the register counts and shapes of service
 * areas ({@link org.gridpatrol.data.patrol.ServiceAreas}).
 */
package org.gridpatrol.data.patrol;
