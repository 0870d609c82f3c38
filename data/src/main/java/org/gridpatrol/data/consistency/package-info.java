/**
 * Whether the database holds together after whatever happened to it (a crash, a bug): the published
 * grids' topology, plans published whole or not at all, grid history without holes, plan steps
 * complete, and every household and rental in the grid its block belongs to. Read only; used by
 * {@code ./gridpatrol bench crash} and its bounded integration test after each SIGKILL and restart.
 */
package org.gridpatrol.data.consistency;
