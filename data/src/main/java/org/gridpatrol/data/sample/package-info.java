/**
 * The bundled sample: synthetic households and rental properties placed in real OSM residential
 * buildings and landuse, and a first set of grids per township. Everything generated is marked
 * {@code synthetic}; a fixed seed makes it reproducible.
 */
package org.gridpatrol.data.sample;
