/**
 * Patrol data: stored patrol routes (per request and per team) and the checkpoints a patrol can be
 * sent to, selected from the registers by grid and kind.
 */
package org.gridpatrol.data.patrol;
