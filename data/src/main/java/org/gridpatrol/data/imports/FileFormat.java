package org.gridpatrol.data.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The formats an import reads, told by the file name's extension and checked against the first
 * bytes (a ZIP for XLSX and zipped Shapefiles, SQLite for GeoPackage), so a renamed file is
 * refused with a clear message rather than read as garbage.
 */
enum FileFormat {
    CSV("csv"), XLSX("xlsx"), GEOJSON("geojson"), GPKG("gpkg"), SHP("shp"), KML("kml");

    private final String label;

    FileFormat(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** @throws ImportFileException UNSUPPORTED_FORMAT naming the accepted formats */
    static FileFormat detect(Path file, String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        byte[] head = head(file);
        boolean zip = head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        boolean sqlite = new String(head, 0, Math.min(head.length, 15), java.nio.charset.StandardCharsets.ISO_8859_1)
                .equals("SQLite format 3");
        FileFormat format;
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv")) {
            format = CSV;
        } else if (name.endsWith(".xlsx")) {
            format = XLSX;
        } else if (name.endsWith(".geojson") || name.endsWith(".json")) {
            format = GEOJSON;
        } else if (name.endsWith(".gpkg")) {
            format = GPKG;
        } else if (name.endsWith(".zip") || name.endsWith(".shp.zip")) {
            format = SHP;
        } else if (name.endsWith(".kml")) {
            format = KML;
        } else if (name.endsWith(".xls")) {
            throw new ImportFileException(ImportFileException.Reason.UNSUPPORTED_FORMAT,
                    fileName + " is an old Excel 97–2003 file: save it as .xlsx (Excel: File > Save As > Excel Workbook) and import that");
        } else if (name.endsWith(".shp") || name.endsWith(".dbf")) {
            throw new ImportFileException(ImportFileException.Reason.UNSUPPORTED_FORMAT,
                    fileName + " is one part of a Shapefile: zip the .shp, .shx, .dbf, .prj and .cpg together and import the .zip");
        } else {
            throw new ImportFileException(ImportFileException.Reason.UNSUPPORTED_FORMAT, "cannot import " + fileName
                    + ": expected .csv, .xlsx, .geojson, .gpkg, a zipped Shapefile (.zip) or .kml");
        }
        if ((format == XLSX || format == SHP) && !zip) {
            throw new ImportFileException(ImportFileException.Reason.UNREADABLE,
                    fileName + " is not a ZIP archive as a ." + (format == XLSX ? "xlsx" : "zip") + " file must be: the file is damaged or misnamed");
        }
        if (format == GPKG && !sqlite) {
            throw new ImportFileException(ImportFileException.Reason.UNREADABLE,
                    fileName + " is not a GeoPackage (no SQLite header): the file is damaged or misnamed");
        }
        if ((format == CSV || format == GEOJSON || format == KML) && (zip || sqlite)) {
            throw new ImportFileException(ImportFileException.Reason.UNREADABLE,
                    fileName + " holds binary data, not text: is it a spreadsheet or archive with the wrong extension?");
        }
        return format;
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(16);
        } catch (IOException e) {
            throw new ImportFileException(ImportFileException.Reason.UNREADABLE, "cannot read the file: " + e.getMessage(), e);
        }
    }
}
