package org.gridpatrol.data.imports;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One import.
 *
 * @param kind             what the file holds
 * @param file             the uploaded or named file (read, never changed)
 * @param fileName         its original name; the format is told by its extension and content
 * @param columns          field of the kind → column of the file, overriding the detected mapping
 *                         (empty: detected)
 * @param coordinateSystem the file's coordinate system ({@code EPSG:4490}, {@code GCJ-02}, …); null: from
 *                         the file (.prj, GeoPackage) or WGS84
 * @param encoding         the text encoding ({@code UTF-8}, {@code GBK}, {@code GB18030}); null: detected
 * @param scope            the jurisdiction the import must stay inside (a township planner's township);
 *                         null: the whole database (administrators)
 * @param dryRun           validate and report only; nothing is written
 * @param username         who imports, for the audit log
 */
public record ImportRequest(ImportKind kind, Path file, String fileName, Map<String, String> columns,
                            String coordinateSystem, String encoding, Long scope, boolean dryRun, String username) {

    public ImportRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        fileName = fileName == null ? file.getFileName().toString() : fileName;
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        Objects.requireNonNull(username, "username");
    }
}
