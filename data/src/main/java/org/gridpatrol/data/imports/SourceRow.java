package org.gridpatrol.data.imports;

import org.locationtech.jts.geom.Geometry;

/**
 * One data row as read: its line (CSV: the physical record number, 1 = header; other formats: the
 * feature's number + 1, so the first feature is line 2 as in a spreadsheet), its values in column
 * order (missing trailing values are null), and the feature geometry where the format has one
 * (GeoJSON, GeoPackage, Shapefile, KML), in the file's coordinates.
 */
record SourceRow(long line, String[] values, Geometry geometry) {

    String value(int column) {
        if (column < 0 || column >= values.length) {
            return null;
        }
        String v = values[column];
        return v == null || v.isBlank() ? null : v.strip();
    }
}
