package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** Downloads of {@code /api/exports} as bytes, and what GDAL makes of them. */
final class ExportFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    ExportFiles(int port) {
        this.port = port;
    }

    HttpResponse<byte[]> get(String query, String user, String password) throws Exception {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/exports/" + query))
                .header("Authorization", "Basic " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Writes the download to {@code dir} under the name its Content-Disposition gives. */
    static Path save(HttpResponse<byte[]> response, Path dir) throws IOException {
        String disposition = response.headers().firstValue("Content-Disposition").orElseThrow();
        String name = disposition.replaceFirst(".*filename=\"([^\"]+)\".*", "$1");
        return Files.write(dir.resolve(name), response.body());
    }

    /** The path GDAL opens: a zipped Shapefile through {@code /vsizip/}. */
    static String gdalPath(Path file) {
        return file.toString().endsWith(".zip") ? "/vsizip/" + file : file.toString();
    }

    static String ogrinfo(Path file, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("ogrinfo", "-ro", "-al", "-so"));
        command.addAll(List.of(options));
        command.add(gdalPath(file));
        return run(command);
    }

    /** The file as GeoJSON written by {@code ogr2ogr} (WGS84 labels are kept, nothing is reprojected). */
    static JsonNode toGeoJson(Path file, Path dir, String... openOptions) throws Exception {
        Path out = dir.resolve(file.getFileName() + ".geojson");
        Files.deleteIfExists(out);
        List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSON", "-lco", "COORDINATE_PRECISION=7"));
        for (String option : openOptions) {
            command.addAll(List.of("-oo", option));
        }
        command.addAll(List.of(out.toString(), gdalPath(file)));
        run(command);
        return JSON.readTree(out.toFile());
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(command + ": " + out).isZero();
        return out;
    }

    /** Every byte a reader could see: the file itself, and each entry of a zip (XLSX, Shapefile) uncompressed. */
    static byte[] everyByte(byte[] file) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(file);
        if (file.length > 4 && file[0] == 'P' && file[1] == 'K') {
            // the central directory, as Excel and GDAL read it (ZipInputStream trips over POI's local headers)
            Path copy = Files.createTempFile("export-", ".zip");
            try {
                Files.write(copy, file);
                try (ZipFile zip = new ZipFile(copy.toFile())) {
                    for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            all.write(in.readAllBytes());
                        }
                    }
                }
            } finally {
                Files.delete(copy);
            }
        }
        return all.toByteArray();
    }

    /**
     * Whether {@code text} occurs in the bytes in that encoding. (Searching binary files for a two-character
     * name in GBK, four bytes, would find one by chance; callers search GBK only in GBK text.)
     */
    static boolean contains(byte[] bytes, String text, java.nio.charset.Charset encoding) {
        return indexOf(bytes, text.getBytes(encoding)) >= 0;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
