package org.gridpatrol.data.export;

import java.nio.charset.StandardCharsets;

/**
 * One attribute of an exported layer: its key (the API's field name), its Chinese name (the header of
 * spreadsheets and the field name of GeoPackages), its Shapefile name (ASCII, at most 10 bytes, the
 * DBF limit), its English label and its type. Values of a row come in the column order.
 */
public record ExportColumn(String key, String zh, String shp, String en, Type type) {

    public enum Type { TEXT, INTEGER, BOOLEAN, DATE }

    public ExportColumn {
        if (key == null || key.isBlank() || zh == null || zh.isBlank() || en == null || en.isBlank() || type == null) {
            throw new IllegalArgumentException("an export column needs a key, a Chinese and an English name and a type");
        }
        if (shp == null || !shp.matches("[a-z][a-z0-9_]*") || shp.getBytes(StandardCharsets.US_ASCII).length > 10) {
            throw new IllegalArgumentException(key + ": Shapefile name '" + shp + "' must be 1 to 10 lower-case ASCII characters");
        }
    }

    static ExportColumn text(String key, String zh, String shp, String en) {
        return new ExportColumn(key, zh, shp, en, Type.TEXT);
    }

    static ExportColumn integer(String key, String zh, String shp, String en) {
        return new ExportColumn(key, zh, shp, en, Type.INTEGER);
    }
}
