/**
 * Blocks in PostGIS: deriving them from the noded road, water and railway lines of a jurisdiction,
 * assigning registers to them, and keeping grid geometries equal to the union of their blocks.
 */
package org.gridpatrol.data.block;
