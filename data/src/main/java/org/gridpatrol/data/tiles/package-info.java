/**
 * Vector tiles in PostGIS: one {@code ST_AsMVT} statement per layer ({@link TileQueries}), the
 * register counts per grid and block they draw at low zoom ({@link TileSummaries}), and the layers'
 * data versions ({@link TileVersions}). What goes into a tile is decided in the {@code tiles} module.
 */
package org.gridpatrol.data.tiles;
