/**
 * Import of a county's own files (issue 16): jurisdictions, existing grids, households, rentals, key
 * places and door-plate addresses from CSV, XLSX, GeoJSON, GeoPackage, zipped Shapefile and KML, in any
 * coordinate system of {@link org.gridpatrol.geo.crs.CoordinateSystem}. One import is one transaction;
 * a dry run reports what would happen and changes nothing.
 */
package org.gridpatrol.data.imports;
