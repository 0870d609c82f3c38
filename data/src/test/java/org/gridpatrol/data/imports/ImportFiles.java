package org.gridpatrol.data.imports;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test fixtures written by hand or by GDAL's ogr2ogr, never by the code under test. */
final class ImportFiles {

    private ImportFiles() {
    }

    static Path text(Path folder, String name, String content, Charset charset, boolean bom) throws IOException {
        Path file = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            if (bom) {
                out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out.write(content.getBytes(charset));
        }
        return file;
    }

    static Path utf8(Path folder, String name, String content) throws IOException {
        return text(folder, name, content, StandardCharsets.UTF_8, false);
    }

    /** An XLSX with the given rows (first = header), written by POI's streaming writer. */
    static Path xlsx(Path folder, String name, List<List<Object>> rows) throws IOException {
        Path file = folder.resolve(name);
        try (SXSSFWorkbook book = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            var sheet = book.createSheet("data");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(String.valueOf(v));
                    }
                }
            }
            book.write(out);
        }
        return file;
    }

    /** Converts with ogr2ogr (e.g. GeoJSON to GPKG, "ESRI Shapefile", KML). */
    static void ogr2ogr(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ogr2ogr"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ogr2ogr " + command + " failed: " + out);
        }
    }

    /** Zips the files of a folder (a Shapefile's parts) with the JDK's zip. */
    static Path zip(Path folder, Path target) throws IOException {
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(target)); var files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                out.putNextEntry(new java.util.zip.ZipEntry(f.getFileName().toString()));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return target;
    }
}
