package org.gridpatrol.data.export;

import org.locationtech.jts.geom.Geometry;

import java.util.Collections;
import java.util.List;

/**
 * One exported feature: its geometry in WGS84 (EPSG:4326, x = longitude) and its values in the order
 * of its schema's columns (String, Long, Boolean, LocalDate or null).
 */
public record ExportRow(Geometry geometry, List<Object> values) {

    public ExportRow {
        if (geometry == null || values == null) {
            throw new IllegalArgumentException("an export row needs a geometry and values");
        }
        values = Collections.unmodifiableList(values); // values may hold nulls: List.copyOf would refuse them
    }
}
