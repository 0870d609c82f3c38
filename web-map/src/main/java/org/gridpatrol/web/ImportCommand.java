package org.gridpatrol.web;

import org.gridpatrol.data.imports.ImportFileException;
import org.gridpatrol.data.imports.ImportKind;
import org.gridpatrol.data.imports.ImportReport;
import org.gridpatrol.data.imports.ImportRequest;
import org.gridpatrol.data.imports.Imports;
import org.gridpatrol.data.jurisdiction.Jurisdictions;
import org.gridpatrol.data.postgis.SchemaMigrator;
import org.gridpatrol.geo.crs.CoordinateSystem;
import org.gridpatrol.web.database.DatabaseServer;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./gridpatrol import FILE --kind KIND …}: the import of the API and the page from the command
 * line, into the configured database (the data folder's local cluster unless {@code --db}), as
 * {@code cli:<os user>} in the audit log; no Spring context. Every mistake of the user (no such file,
 * unknown kind, encoding, coordinate system or jurisdiction, a bad {@code --map}, a file the importer
 * refuses) is one sentence on stderr and exit code 2, never a stack trace; rows refused are listed
 * in the report and give exit code 1; 0 means every row was fine (and written, unless a dry run).
 */
final class ImportCommand {

    /** Exit codes. */
    static final int OK = 0;
    static final int ROWS_REFUSED = 1;
    static final int USER_MISTAKE = 2;
    static final int FAILED = 3;

    private ImportCommand() {
    }

    static int run(LauncherCommand command) {
        return run(command, System.out, System.err, System::getenv);
    }

    /** @param environment the environment variables ({@code GRIDPATROL_DB_USER}, {@code GRIDPATROL_DB_PASSWORD}) */
    static int run(LauncherCommand command, PrintStream out, PrintStream err, java.util.function.UnaryOperator<String> environment) {
        Map<String, String> options = command.options();
        Path file = Path.of(command.arguments().get(0)).toAbsolutePath();
        ImportRequest draft;
        try {
            draft = request(command, file);
        } catch (IllegalArgumentException e) {
            err.println("gridpatrol: " + e.getMessage());
            return USER_MISTAKE;
        }
        Path dataDir = Path.of(options.getOrDefault("--data-dir", ".gridpatrol")).toAbsolutePath();
        // as the server has it (application.properties): the migrations' progress is not the user's business
        if (org.slf4j.LoggerFactory.getLogger("org.flywaydb") instanceof ch.qos.logback.classic.Logger flyway) {
            flyway.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        try (DatabaseServer server = DatabaseServer.open(options.get("--db"),
                environment.apply("GRIDPATROL_DB_USER"), environment.apply("GRIDPATROL_DB_PASSWORD"), dataDir)) {
            DataSource dataSource = server.target().dataSource();
            SchemaMigrator.migrate(dataSource);
            ImportRequest request = inJurisdiction(draft, options.get("--jurisdiction"), Jurisdictions.inPostgis(dataSource));
            ImportReport report = Imports.inPostgis(dataSource).run(request, new TerminalProgress(err));
            out.print(ImportReportText.of(report, file.getFileName().toString()));
            return report.refused() > 0 || (!report.dryRun() && !report.committed()) ? ROWS_REFUSED : OK;
        } catch (IllegalArgumentException e) {
            err.println("gridpatrol: " + e.getMessage());
            return USER_MISTAKE;
        } catch (ImportFileException e) {
            err.println("gridpatrol: " + file.getFileName() + " was not imported, nothing was changed: " + e.getMessage());
            return e.reason() == ImportFileException.Reason.CANCELLED ? FAILED : USER_MISTAKE;
        } catch (RuntimeException e) {
            err.println("gridpatrol: the import failed, nothing was changed: " + e.getMessage());
            return FAILED;
        }
    }

    /** The request as far as the command line tells it, checked before the database is opened. */
    static ImportRequest request(LauncherCommand command, Path file) {
        Map<String, String> options = command.options();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(Files.isDirectory(file)
                    ? file + " is a folder; give the file to import (a zipped Shapefile as its .zip)"
                    : file + " does not exist; check the path of the file to import");
        }
        ImportKind kind = ImportKind.parse(options.get("--kind"));
        Map<String, String> columns = new LinkedHashMap<>();
        for (String pair : command.values("--map")) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1) {
                throw new IllegalArgumentException("--map needs field=COLUMN, e.g. --map headName=户主; got '" + pair + "'");
            }
            columns.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
        String crs = options.get("--crs");
        if (crs != null) {
            try {
                crs = CoordinateSystem.of(crs).id();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown coordinate system '" + crs
                        + "' for --crs; use WGS84, CGCS2000, GCJ-02, BD-09 or an EPSG code such as EPSG:4549");
            }
        }
        String encoding = options.get("--encoding");
        if (encoding != null) {
            try {
                encoding = Charset.forName(encoding).name();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown text encoding '" + encoding
                        + "' for --encoding; use UTF-8, GBK or GB18030, or leave it out to detect it");
            }
        }
        return new ImportRequest(kind, file, file.getFileName().toString(), columns, crs, encoding, null,
                options.containsKey("--dry-run"), "cli:" + System.getProperty("user.name", "unknown"));
    }

    private static ImportRequest inJurisdiction(ImportRequest request, String code, Jurisdictions jurisdictions) {
        if (code == null) {
            return request;
        }
        long id = jurisdictions.idOfCode(code).orElseThrow(() -> new IllegalArgumentException(
                "no jurisdiction has code '" + code + "'; import the jurisdictions first or check --jurisdiction"));
        return new ImportRequest(request.kind(), request.file(), request.fileName(), request.columns(),
                request.coordinateSystem(), request.encoding(), id, request.dryRun(), request.username());
    }
}
