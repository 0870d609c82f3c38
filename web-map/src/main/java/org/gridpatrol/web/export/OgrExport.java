package org.gridpatrol.web.export;

import org.gridpatrol.data.export.ExportColumn;
import org.gridpatrol.data.export.ExportSchema;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * GeoPackage and zipped Shapefile by GDAL's {@code ogr2ogr}: the rows go, as they arrive from the
 * database, into a GeoJSONSeq file in a temporary folder; {@code ogr2ogr} turns it into the format,
 * labelled with the export's EPSG code ({@code -a_srs}: the coordinates are already converted); the
 * result is copied to the download and the folder deleted. Memory stays flat whatever the size; disk
 * holds the rows twice for the duration of the request.
 *
 * <p>GeoPackage fields carry the Chinese names; Shapefile fields the short ASCII names (a DBF field
 * name holds 10 bytes, three Chinese characters in UTF-8), with {@code .cpg} = UTF-8 and {@code .prj}
 * written by GDAL, and a {@code NAME.fields.csv} in the zip that gives each short name its Chinese and
 * English name. A Shapefile's 2 GB limit is GDAL's to report.
 */
final class OgrExport implements FeatureFileWriter {

    /** Longer than any county should need; a stuck ogr2ogr must not hold a request thread for ever. */
    static final long TIMEOUT_MINUTES = 30;

    private final ExportFormat format;

    OgrExport(ExportFormat format) {
        if (format != ExportFormat.GPKG && format != ExportFormat.SHP) {
            throw new IllegalArgumentException("ogr2ogr writes gpkg and shp here, not " + format.value());
        }
        this.format = format;
    }

    @Override
    public void write(ExportSchema schema, ExportRequest request, RowSource rows, Download download) throws IOException {
        Path dir = Files.createTempDirectory("gridpatrol-export-");
        try {
            Path input = dir.resolve("rows.geojsonl");
            Function<ExportColumn, String> naming = format == ExportFormat.GPKG ? ExportColumn::zh : ExportColumn::shp;
            try (Writer writer = new BufferedWriter(Files.newBufferedWriter(input, StandardCharsets.UTF_8), 1 << 16)) {
                GeoJsonSeqFile features = new GeoJsonSeqFile(writer, schema, naming);
                rows.stream(features::write);
            }
            Path outDir = Files.createDirectory(dir.resolve("out"));
            Path output = outDir.resolve(schema.name() + (format == ExportFormat.GPKG ? ".gpkg" : ".shp"));
            ogr2ogr(dir, input, output, schema, request.crs().epsg());
            try (OutputStream out = download.open()) {
                if (format == ExportFormat.GPKG) {
                    Files.copy(output, out);
                } else {
                    zip(outDir, schema, out);
                }
            }
        } finally {
            deleteTree(dir);
        }
    }

    private void ogr2ogr(Path dir, Path input, Path output, ExportSchema schema, int epsg) throws IOException {
        List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", format == ExportFormat.GPKG ? "GPKG" : "ESRI Shapefile",
                output.toString(), input.toString(), "-nln", schema.name(), "-a_srs", "EPSG:" + epsg, "-gt", "65536"));
        if (!schema.points()) {
            command.addAll(List.of("-nlt", "PROMOTE_TO_MULTI"));
        }
        if (format == ExportFormat.SHP) {
            command.addAll(List.of("-lco", "ENCODING=UTF-8"));
        }
        Path log = dir.resolve("ogr2ogr.log");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("GDAL's ogr2ogr cannot be started (is gdal-bin installed?): " + e.getMessage(), e);
        }
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("ogr2ogr did not finish the " + schema.name() + " export in " + TIMEOUT_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while ogr2ogr wrote the export", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("ogr2ogr failed on the " + schema.name() + " export: " + Files.readString(log).strip());
        }
    }

    private static void zip(Path outDir, ExportSchema schema, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        List<Path> files;
        try (Stream<Path> listing = Files.list(outDir)) {
            files = listing.sorted().toList();
        }
        for (Path file : files) {
            zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
            Files.copy(file, zip);
            zip.closeEntry();
        }
        zip.putNextEntry(new ZipEntry(schema.name() + ".fields.csv"));
        StringBuilder fields = new StringBuilder("\uFEFFshapefile,中文,English\r\n");
        for (ExportColumn c : schema.columns()) {
            fields.append(c.shp()).append(',').append(c.zh()).append(',').append(c.en()).append("\r\n");
        }
        zip.write(fields.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
