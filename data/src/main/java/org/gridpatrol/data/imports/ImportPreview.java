package org.gridpatrol.data.imports;

import java.util.List;
import java.util.Map;

/**
 * What the page shows before an import: the file as read and the mapping that would be used.
 *
 * @param format           {@code csv}, {@code xlsx}, {@code geojson}, {@code gpkg}, {@code shp}, {@code kml}
 * @param encoding         the detected or given text encoding (null for binary formats)
 * @param columns          the file's columns in order
 * @param firstRows        up to 20 rows, values as text in column order
 * @param fields           the kind's fields, required ones first
 * @param required         the subset of {@code fields} that must be mapped (or a geometry/coordinates)
 * @param mapping          field → column, as detected from the headers (Chinese or English)
 * @param coordinateSystem the detected coordinate system (from .prj, the GeoPackage or the values), or null
 */
public record ImportPreview(String format, String encoding, List<String> columns, List<List<String>> firstRows,
                            List<String> fields, List<String> required, Map<String, String> mapping,
                            String coordinateSystem) {
}
