/**
 * Vector tiles over HTTP: {@code /tiles/{layer}/v{version}/{z}/{x}/{y}.mvt}, TileJSON per layer,
 * the tile cache (memory, plus disk for the basemap) and the wiring of the {@code tiles} rules to
 * the SQL in {@code data}.
 */
package org.gridpatrol.web.tiles;
