/**
 * Blocks: the base units grids are built from, the faces of the road, water and railway network
 * inside a jurisdiction. Grids made of whole blocks cannot have gaps or overlaps.
 */
package org.gridpatrol.geo.block;
