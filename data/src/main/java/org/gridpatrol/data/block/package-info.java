/**
 * Blocks in PostGIS: deriving them from the noded road, water and railway lines of a jurisdiction,
 * assigning registers to them, and keeping grid geometries equal to the union of their blocks; the
 * page reads them, and the topology of the grids over them, through {@link org.gridpatrol.data.block.Blocks}.
 */
package org.gridpatrol.data.block;
