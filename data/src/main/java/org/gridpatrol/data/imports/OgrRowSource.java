package org.gridpatrol.data.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * GeoPackage, zipped Shapefile and KML read through GDAL: {@code ogrinfo} names the first layer and
 * its coordinate system, {@code ogr2ogr} streams the layer to standard output as CSV with the
 * geometry as WKT (UTF-8 whatever the source's encoding: GDAL honours the Shapefile's .cpg), which
 * is parsed as it arrives. Where the file declares its system (.prj, GeoPackage) and the request
 * names none, GDAL reprojects to WGS84 itself; a system the request names is given to GDAL as the
 * source system, except GCJ-02 and BD-09, which GDAL does not know (converted by the caller).
 */
final class OgrRowSource implements RowSource {

    private static final Pattern EPSG = Pattern.compile("ID\\[\"EPSG\",(\\d+)\\]\\]\\s*$");
    private static final Pattern LEGACY_EPSG = Pattern.compile("AUTHORITY\\[\"EPSG\",\"(\\d+)\"\\]\\]\\s*$");

    private final FileFormat format;
    private final String fileName;
    private final Path folder;
    private final Process process;
    private final Path errors;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> columns;
    private final int wktColumn;
    private final String declared;
    private final boolean reprojected;
    private final WKTReader wkt = new WKTReader(new GeometryFactory());
    private long line = 1;

    OgrRowSource(Path file, String fileName, FileFormat format, String requestedSystem, ImportLimits limits) {
        this.format = format;
        this.fileName = fileName;
        try {
            folder = Files.createTempDirectory("gridpatrol-import");
            String extension = format == FileFormat.SHP ? "zip" : format.label();
            Path link = folder.resolve("source." + extension);
            Files.createSymbolicLink(link, file.toAbsolutePath());
            String source = (format == FileFormat.SHP ? "/vsizip/" : "") + link;
            Layer layer = firstLayer(source);
            if (layer.fields > limits.maxColumns()) {
                throw new ImportFileException(ImportFileException.Reason.TOO_LARGE, fileName + " has " + layer.fields
                        + " fields; the import reads at most " + limits.maxColumns());
            }
            List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", "CSV", "/vsistdout/", source, layer.name,
                    "-lco", "GEOMETRY=AS_WKT", "-lco", "LINEFORMAT=LF", "-dim", "XY"));
            boolean gdalKnowsRequested = requestedSystem != null && !CoordinateSystems.isChineseWebSystem(requestedSystem);
            if (gdalKnowsRequested) {
                command.addAll(List.of("-s_srs", CoordinateSystems.gdalName(requestedSystem), "-t_srs", "EPSG:4326"));
                reprojected = true;
                declared = layer.system;
            } else if (requestedSystem == null && layer.system != null) {
                command.addAll(List.of("-t_srs", "EPSG:4326"));
                reprojected = true;
                declared = layer.system;
            } else {
                reprojected = false;
                declared = layer.system;
            }
            errors = folder.resolve("ogr2ogr.err");
            process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            process.getOutputStream().close();
            parser = CSVParser.builder().setReader(new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8), 1 << 16)).setFormat(CSVFormat.RFC4180).get();
            records = parser.iterator();
            if (!records.hasNext()) {
                throw failure("the layer is empty or GDAL could not read it");
            }
            List<String> header = new ArrayList<>();
            records.next().forEach(header::add);
            wktColumn = header.indexOf("WKT");
            if (wktColumn >= 0) {
                header.remove(wktColumn);
            }
            columns = List.copyOf(header);
        } catch (IOException | UncheckedIOException e) {
            throw new ImportFileException(ImportFileException.Reason.UNREADABLE, "cannot read " + fileName + " with GDAL: "
                    + e.getMessage() + " (is gdal-bin installed? ./gridpatrol installs it)", e);
        }
    }

    private record Layer(String name, String system, int fields) {
    }

    private Layer firstLayer(String source) throws IOException {
        Process info = new ProcessBuilder("ogrinfo", "-ro", "-so", "-al", "-nomd", source).redirectErrorStream(true).start();
        info.getOutputStream().close();
        String output = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!info.waitFor(60, TimeUnit.SECONDS) || info.exitValue() != 0) {
                info.destroyForcibly();
                throw new ImportFileException(ImportFileException.Reason.UNREADABLE, fileName + " cannot be read as "
                        + describe() + ": " + lastLines(output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFileException(ImportFileException.Reason.CANCELLED, "the import was interrupted");
        }
        String name = null;
        StringBuilder system = new StringBuilder();
        boolean inSystem = false;
        int fields = 0;
        for (String l : output.split("\n")) {
            if (l.startsWith("Layer name: ")) {
                if (name != null) {
                    break; // only the first layer
                }
                name = l.substring("Layer name: ".length()).strip();
            } else if (l.startsWith("Layer SRS WKT:")) {
                inSystem = true;
            } else if (inSystem && (l.startsWith("Data axis") || l.contains(": ") && !l.startsWith(" ") && !l.startsWith("\t"))) {
                inSystem = false;
            } else if (inSystem) {
                system.append(l.strip());
            }
            if (!inSystem && name != null && l.matches("^[^ ].*: [A-Za-z]+ \\(.*\\)$")) {
                fields++;
            }
        }
        if (name == null) {
            throw new ImportFileException(ImportFileException.Reason.UNREADABLE, fileName + " holds no layer GDAL can read as " + describe());
        }
        String wkt2 = system.toString();
        String epsg = null;
        if (!wkt2.isEmpty() && !wkt2.startsWith("(unknown)")) {
            Matcher m = EPSG.matcher(wkt2);
            Matcher legacy = LEGACY_EPSG.matcher(wkt2);
            epsg = m.find() ? "EPSG:" + m.group(1) : legacy.find() ? "EPSG:" + legacy.group(1) : "the file's own (.prj)";
        }
        return new Layer(name, epsg, fields);
    }

    private String describe() {
        return switch (format) {
            case GPKG -> "a GeoPackage";
            case SHP -> "a zipped Shapefile (.shp, .shx, .dbf in the .zip)";
            case KML -> "KML";
            default -> format.label();
        };
    }

    /** True when the geometries are already converted to WGS84 by GDAL. */
    boolean reprojected() {
        return reprojected;
    }

    @Override
    public String format() {
        return format.label();
    }

    @Override
    public String encoding() {
        return null;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public String declaredCoordinateSystem() {
        return declared;
    }

    @Override
    public SourceRow next() {
        try {
            if (!records.hasNext()) {
                finish();
                return null;
            }
            CSVRecord record = records.next();
            line++;
            String[] values = new String[columns.size()];
            Geometry geometry = null;
            int j = 0;
            for (int i = 0; i < record.size(); i++) {
                if (i == wktColumn) {
                    String text = record.get(i);
                    if (text != null && !text.isBlank()) {
                        try {
                            geometry = wkt.read(text);
                        } catch (ParseException | IllegalArgumentException e) {
                            geometry = new BrokenGeometry(new GeometryFactory(), e.getMessage());
                        }
                    }
                } else if (j < values.length) {
                    values[j++] = record.get(i);
                }
            }
            return new SourceRow(line, values, geometry);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw failure(e.getMessage());
        }
    }

    private void finish() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw failure("ogr2ogr stopped with an error");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFileException(ImportFileException.Reason.CANCELLED, "the import was interrupted");
        }
    }

    private ImportFileException failure(String what) {
        String tail = "";
        try {
            tail = errors == null || !Files.exists(errors) ? "" : lastLines(Files.readString(errors));
        } catch (IOException e) {
            // the message is enough
        }
        return new ImportFileException(ImportFileException.Reason.UNREADABLE, fileName + " cannot be read as " + describe()
                + ": " + what + (tail.isBlank() ? "" : " (" + tail + ")"));
    }

    private static String lastLines(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return String.join("; ", lines.subList(Math.max(0, lines.size() - 2), lines.size())).strip();
    }

    @Override
    public void close() {
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException e) {
            // the process goes anyway
        }
        if (process != null) {
            process.destroy();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

}
