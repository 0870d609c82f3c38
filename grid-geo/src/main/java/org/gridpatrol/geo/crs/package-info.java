/**
 * Coordinate systems a county's files arrive in, and their conversion to and from WGS84 (the store's
 * EPSG:4326, longitude first): any EPSG system proj4j knows (CGCS2000 EPSG:4490 and its
 * Gauss–Krüger zones 4491–4554, UTM…) and the two non-EPSG systems of Chinese web maps, GCJ-02 and
 * BD-09, which apply inside {@link org.gridpatrol.geo.crs.ChinaOutline} only; and
 * {@link org.gridpatrol.geo.crs.SwappedAxes}, which spots latitude given as longitude.
 * docs/adr/0028-coordinate-systems.md records the choices and their numbers.
 */
package org.gridpatrol.geo.crs;
