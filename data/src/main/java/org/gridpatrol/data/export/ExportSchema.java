package org.gridpatrol.data.export;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an export of a layer holds for one caller: its name (file and layer name), whether its
 * geometries are points or polygons, and its columns. A register exported for a caller who may not see
 * personal fields is a different schema: counts per grid, on the grid's outline ({@link #counts()}).
 */
public record ExportSchema(String name, boolean points, boolean counts, List<ExportColumn> columns) {

    public ExportSchema {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("an export schema needs a lower-case name, got '" + name + "'");
        }
        columns = List.copyOf(columns);
        Set<String> keys = new HashSet<>();
        Set<String> shp = new HashSet<>();
        for (ExportColumn c : columns) {
            if (!keys.add(c.key()) || !shp.add(c.shp())) {
                throw new IllegalArgumentException(name + ": column " + c.key() + " or its Shapefile name " + c.shp() + " twice");
            }
        }
    }

    /** The index of the column with this key, or -1. */
    public int indexOf(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
