/**
 * {@code GET /api/exports/{layer}}: a jurisdiction's layers as GeoPackage, zipped Shapefile, XLSX or
 * CSV, in WGS84, GCJ-02 or CGCS2000 coordinates, with the registers API's rights (ADR 0031). Rows
 * come from data's {@link org.gridpatrol.data.export.Exports} cursor; one writer per format.
 */
package org.gridpatrol.web.export;
