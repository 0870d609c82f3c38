package org.gridpatrol.data.osm;

import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Imports an OSM extract ({@code .osm.pbf}, {@code .osm}, {@code .osm.gz}, {@code .osm.bz2}) into the
 * OSM layer tables, derives jurisdictions from its administrative boundaries and key places from
 * its amenities.
 *
 * <p>osm2pgsql (Debian package {@code osm2pgsql}, 1.7 or later) reads the file and assembles the
 * geometries into a throw-away staging schema; everything after that runs in one transaction, so a
 * failed import leaves the previous data in place. The OSM layers are replaced; jurisdictions are
 * matched by code and updated, never deleted (grids refer to them). {@link #withoutJurisdictions()}
 * leaves the jurisdictions to a boundaries file (ADR 0030).
 */
public final class OsmImporter {

    private static final Logger LOG = LoggerFactory.getLogger(OsmImporter.class);
    private static final List<String> ACCEPTED_SUFFIXES = List.of(".osm.pbf", ".pbf", ".osm", ".osm.gz", ".osm.bz2");
    private static final long SLIM_THRESHOLD_BYTES = 64L * 1024 * 1024;

    private final DatabaseTarget target;
    private final TownshipLevels townshipLevels;
    private final boolean deriveJurisdictions;

    public OsmImporter(DatabaseTarget target) {
        this(target, TownshipLevels.DEFAULT);
    }

    public OsmImporter(DatabaseTarget target, TownshipLevels townshipLevels) {
        this(target, townshipLevels, true);
    }

    private OsmImporter(DatabaseTarget target, TownshipLevels townshipLevels, boolean deriveJurisdictions) {
        this.target = target;
        this.townshipLevels = townshipLevels;
        this.deriveJurisdictions = deriveJurisdictions;
    }

    /**
     * The same import, but the extract's boundaries stay in {@code osm_admin_boundary} only: the
     * jurisdictions come from elsewhere (a boundaries file), so none are derived from the extract.
     */
    public OsmImporter withoutJurisdictions() {
        return new OsmImporter(target, townshipLevels, false);
    }

    /** Checks that {@code file} is a readable OSM extract of an accepted format, with the reason if not. */
    public static void validateFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (ACCEPTED_SUFFIXES.stream().noneMatch(name::endsWith)) {
            throw new OsmImportException("'" + file + "' is not an OSM extract: expected one of " + ACCEPTED_SUFFIXES);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new OsmImportException("cannot read the OSM extract '" + file + "'");
        }
    }

    public OsmImportReport importFile(Path file) {
        validateFile(file);
        String stage = "osm_stage_" + Long.toHexString(new SecureRandom().nextLong() & Long.MAX_VALUE);
        // a connection of its own rather than Jdbc.withConnection: the staging schema is created and dropped
        // on it outside the transaction, around osm2pgsql, and every failure is an OsmImportException
        try (Connection connection = target.dataSource().getConnection()) {
            execute(connection, "CREATE SCHEMA " + stage);
            try {
                long loaderStart = System.nanoTime();
                runOsm2pgsql(file, stage);
                double loaderSeconds = (System.nanoTime() - loaderStart) / 1e9;
                long transferStart = System.nanoTime();
                OsmImportReport report = transfer(connection, file, stage, loaderSeconds, transferStart);
                LOG.info("Imported {} in {} s: {} roads, {} buildings, {} boundaries, {} jurisdictions, {} key places",
                        file.getFileName(), String.format(Locale.ROOT, "%.1f", report.totalSeconds()), report.roads(),
                        report.buildings(), report.boundaries(), report.jurisdictions(), report.keyPlaces());
                return report;
            } finally {
                connection.setAutoCommit(true);
                execute(connection, "DROP SCHEMA IF EXISTS " + stage + " CASCADE");
            }
        } catch (SQLException e) {
            throw new OsmImportException("import of " + file + " failed, nothing was changed: " + e.getMessage(), e);
        }
    }

    private OsmImportReport transfer(Connection connection, Path file, String stage, double loaderSeconds,
                                     long transferStart) throws SQLException {
        return Jdbc.transaction(connection, c -> {
            execute(c, loadSql("transfer.sql").replace("osm_stage.", stage + "."));
            int jurisdictions = deriveJurisdictions ? new JurisdictionDeriver(c, townshipLevels, stage).derive()
                    : new CountQuery(c).counts("jurisdiction").get("jurisdiction");
            execute(c, loadSql("key-places.sql").replace("osm_stage.", stage + "."));
            Map<String, Integer> counts = new CountQuery(c).counts("osm_road", "osm_building", "osm_admin_boundary", "key_place");
            double transferSeconds = (System.nanoTime() - transferStart) / 1e9;
            Jdbc.update(c, "INSERT INTO osm_import (source_file, seconds, roads, buildings, boundaries) VALUES (?, ?, ?, ?, ?)", s -> {
                s.setString(1, file.getFileName().toString());
                s.setDouble(2, loaderSeconds + transferSeconds);
                s.setInt(3, counts.get("osm_road"));
                s.setInt(4, counts.get("osm_building"));
                s.setInt(5, counts.get("osm_admin_boundary"));
            });
            return new OsmImportReport(file, counts.get("osm_road"), counts.get("osm_building"),
                    counts.get("osm_admin_boundary"), jurisdictions, counts.get("key_place"), loaderSeconds, transferSeconds);
        });
    }

    private void runOsm2pgsql(Path file, String stage) {
        Path style = extractStyle();
        List<String> command = new ArrayList<>(List.of("osm2pgsql", "--output=flex", "--style=" + style,
                "--host=" + target.host(), "--port=" + target.port(), "--username=" + target.user(),
                "--database=" + target.database(), "--create", "--number-processes=2", "--log-level=warn"));
        if (sizeOf(file) > SLIM_THRESHOLD_BYTES) {
            command.addAll(List.of("--slim", "--drop")); // keeps node locations on disk for large extracts
        }
        command.add(file.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", target.password() == null ? "" : target.password());
        builder.environment().put("GRIDPATROL_STAGE_SCHEMA", stage);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.HOURS) || process.exitValue() != 0) {
                throw new OsmImportException("osm2pgsql failed on " + file + ": " + output.strip());
            }
        } catch (IOException e) {
            throw new OsmImportException("cannot run osm2pgsql (install it with: apt-get install osm2pgsql): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OsmImportException("interrupted while importing " + file, e);
        } finally {
            try {
                Files.deleteIfExists(style);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Path extractStyle() {
        try (InputStream in = OsmImporter.class.getResourceAsStream("gridpatrol-flex.lua")) {
            Path style = Files.createTempFile("gridpatrol-flex", ".lua");
            Files.copy(in, style, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return style;
        } catch (IOException e) {
            throw new OsmImportException("cannot write the osm2pgsql style", e);
        }
    }

    static String loadSql(String name) {
        try (InputStream in = OsmImporter.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("missing resource " + name, e);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
