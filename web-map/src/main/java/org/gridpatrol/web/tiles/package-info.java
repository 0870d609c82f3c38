/**
 * Vector tiles over HTTP: {@code /tiles/{layer}/v{version}/{z}/{x}/{y}.mvt}, TileJSON per layer,
 * the tile cache (memory, plus disk for the basemap), the servlet filter that serves logged-in tile
 * GETs ahead of Spring MVC, and the wiring of the {@code tiles} rules to the SQL in {@code data}.
 */
package org.gridpatrol.web.tiles;
