/**
 * The published layers as pages of GeoJSON features for OGC API – Features ({@link Features}): jurisdictions,
 * grids (now, at a moment or over an interval of their effective dates), blocks, key places, and households
 * and rentals counted per grid. Aggregates only: no query here selects a personal field.
 */
package org.gridpatrol.data.features;
