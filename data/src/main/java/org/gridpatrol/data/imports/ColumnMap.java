package org.gridpatrol.data.imports;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mapping of one run: the detected one overridden by the request's, resolved to column
 * indexes. A field mapped to a column the file lacks, or a field the kind does not have, is a
 * {@link ImportFileException} MAPPING; so is a required field left unmapped.
 */
final class ColumnMap {

    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, String> mapping;

    ColumnMap(ImportKind kind, List<String> columns, Map<String, String> requested, boolean hasGeometry) {
        Map<String, String> m = new LinkedHashMap<>(KindFields.detect(kind, columns));
        for (Map.Entry<String, String> e : requested.entrySet()) {
            if (!KindFields.fields(kind).contains(e.getKey())) {
                throw new ImportFileException(ImportFileException.Reason.MAPPING, e.getKey() + " is not a field of "
                        + kind.label() + "; fields are " + KindFields.fields(kind));
            }
            if (e.getValue() == null || e.getValue().isBlank()) {
                m.remove(e.getKey());
                continue;
            }
            if (!columns.contains(e.getValue())) {
                throw new ImportFileException(ImportFileException.Reason.MAPPING, "column '" + e.getValue() + "' (for "
                        + e.getKey() + ") is not in the file; its columns are " + columns);
            }
            m.values().remove(e.getValue());
            m.put(e.getKey(), e.getValue());
        }
        mapping = Map.copyOf(m);
        m.forEach((field, column) -> index.put(field, columns.indexOf(column)));
        for (String field : KindFields.required(kind)) {
            if (!index.containsKey(field)) {
                throw new ImportFileException(ImportFileException.Reason.MAPPING, "no column for " + field + " (required for "
                        + kind.label() + "); the file's columns are " + columns + ": map one, e.g. " + field + "=COLUMN");
            }
        }
        boolean positional = kind == ImportKind.JURISDICTIONS || kind == ImportKind.GRIDS;
        boolean located = hasGeometry || index.containsKey("wkt") || index.containsKey("lon") && index.containsKey("lat");
        if (positional && !located) {
            throw new ImportFileException(ImportFileException.Reason.MAPPING, kind.label()
                    + " need polygons: a file with geometries (GeoPackage, Shapefile, GeoJSON, KML) or a WKT column");
        }
        if (!positional && !located && !index.containsKey("address")) {
            throw new ImportFileException(ImportFileException.Reason.MAPPING, "no position: map lon and lat columns, a WKT column, or an address column");
        }
        if (index.containsKey("lon") != index.containsKey("lat")) {
            throw new ImportFileException(ImportFileException.Reason.MAPPING, "map both lon and lat, or neither");
        }
    }

    Map<String, String> mapping() {
        return mapping;
    }

    boolean has(String field) {
        return index.containsKey(field);
    }

    /** The row's value of a field, stripped; null when unmapped or blank. */
    String get(SourceRow row, String field) {
        Integer i = index.get(field);
        return i == null ? null : row.value(i);
    }
}
