package org.gridpatrol.web.export;

import org.gridpatrol.data.export.ExportLayer;

import java.nio.charset.Charset;

/**
 * An export asked for: which layer of which jurisdiction, in which format, text encoding and
 * coordinates. Parsed from the query string in {@link #parse}, which names the parameter at fault.
 * The encoding is a choice for CSV only: GeoPackage and XLSX are UTF-8 by their specifications, and the
 * Shapefile is written UTF-8 with a {@code .cpg} saying so.
 */
public record ExportRequest(ExportLayer layer, long jurisdictionId, ExportFormat format, Charset encoding, ExportCrs crs) {

    public static final Charset GBK = Charset.forName("GBK");
    /** GBK's superset: also the characters GBK lacks (some in minority and rare names), in four bytes. */
    public static final Charset GB18030 = Charset.forName("GB18030");

    public ExportRequest {
        if (layer == null || format == null || encoding == null || crs == null) {
            throw new IllegalArgumentException("an export needs a layer, a format, an encoding and a coordinate system");
        }
        if (!encoding.name().equals("UTF-8") && format != ExportFormat.CSV) {
            throw new IllegalArgumentException("encoding " + encoding.name().toLowerCase() + " is for csv only: "
                    + format.value() + " files are always UTF-8");
        }
    }

    /** @throws IllegalArgumentException naming the parameter and the values it may take */
    public static ExportRequest parse(String layer, Long jurisdiction, String format, String encoding, String crs) {
        if (jurisdiction == null) {
            throw new IllegalArgumentException("jurisdiction is required: the id of the jurisdiction to export");
        }
        Charset charset = switch (encoding == null ? "" : encoding.toLowerCase()) {
            case "utf-8", "utf8" -> java.nio.charset.StandardCharsets.UTF_8;
            case "gbk" -> GBK;
            case "gb18030" -> GB18030;
            default -> throw new IllegalArgumentException("encoding must be utf-8, gbk or gb18030, got '" + encoding + "'");
        };
        return new ExportRequest(ExportLayer.of(layer), jurisdiction, ExportFormat.of(format), charset, ExportCrs.of(crs));
    }

    /** The download's file name: layer (or its counts), jurisdiction, coordinates, extension. */
    public String fileName(String schemaName) {
        return schemaName + "-" + jurisdictionId + "-" + crs.value()
                + (encoding.equals(java.nio.charset.StandardCharsets.UTF_8) ? "" : "-" + encoding.name().toLowerCase()) + "." + format.extension();
    }
}
