package org.gridpatrol.web.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The file formats of an export: the URL value, the media type and the file name extension. */
public enum ExportFormat {
    GPKG("application/geopackage+sqlite3", "gpkg"),
    SHP("application/zip", "shp.zip"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    CSV("text/csv", "csv");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** @throws IllegalArgumentException naming the known formats */
    public static ExportFormat of(String value) {
        return Arrays.stream(values()).filter(f -> f.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("format must be one of "
                        + Arrays.stream(values()).map(ExportFormat::value).collect(Collectors.joining(", ")) + ", got '" + value + "'"));
    }
}
