/**
 * Block graphs: which blocks share an edge (not just a corner) and how long that edge is, kept up to
 * date cheaply when a split adds parts, and whether a set of blocks forms one connected piece.
 */
package org.gridpatrol.geo.topology;
