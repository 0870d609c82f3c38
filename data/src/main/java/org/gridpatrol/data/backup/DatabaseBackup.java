package org.gridpatrol.data.backup;

import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.SchemaMigrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Backs up a whole gridpatrol database into one {@code pg_dump -Fc} archive and restores one,
 * with the PostgreSQL client programs in {@code binDir} (those of the server's major version).
 *
 * <p>Backup writes a temporary file beside {@code file} and renames it when pg_dump succeeded, so a
 * failed backup leaves no half archive. Restore never touches the database until a complete copy
 * exists: it restores into a fresh database {@code NAME_restoring} on the same server, runs the
 * schema migrations there (an older backup is brought up to date), and only then swaps the two by
 * renaming in one transaction and drops the old one. A failure at any step leaves the old data.
 *
 * <p>Limits: the user needs CREATEDB and must own the database (on the local cluster it is the
 * superuser); the swap ends other sessions of the database, so the application must be stopped.
 * Ownership and grants are not restored ({@code --no-owner --no-privileges}): the restoring user
 * owns everything, as the application's migrations expect.
 */
public final class DatabaseBackup {

    private static final String MAINTENANCE_DATABASE = "postgres";

    private final DatabaseTarget target;
    private final PgTool tools;

    public DatabaseBackup(DatabaseTarget target, Path binDir) {
        this.target = target;
        this.tools = new PgTool(binDir);
    }

    /** Writes the whole database to {@code file}; refuses to overwrite an existing file unless {@code force}. */
    public BackupReport backup(Path file, boolean force) {
        long start = System.nanoTime();
        Path absolute = file.toAbsolutePath();
        if (Files.exists(absolute) && !force) {
            throw new BackupException(absolute + " already exists; give another name or add --force to overwrite it");
        }
        if (!Files.isDirectory(absolute.getParent())) {
            throw new BackupException("the folder " + absolute.getParent() + " does not exist");
        }
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try {
            tools.run("pg_dump", target, List.of("--format=custom", "--file=" + partial));
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new BackupReport(absolute, Files.size(absolute), seconds(start));
        } catch (IOException e) {
            throw new BackupException("cannot write " + absolute + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /**
     * Replaces the database with the archive's contents; refuses when the database holds data unless
     * {@code force}. The old data stays if anything fails.
     */
    public RestoreReport restore(Path file, boolean force) {
        long start = System.nanoTime();
        Path absolute = file.toAbsolutePath();
        requireArchive(absolute);
        String name = target.database();
        boolean exists = databaseExists(name);
        String fresh = withSuffix(name, "_restoring");
        if (exists && !force) {
            requireNoData(name, fresh);
        }
        execute("DROP DATABASE IF EXISTS " + quote(fresh));
        execute("CREATE DATABASE " + quote(fresh));
        DatabaseTarget restoring = target.withDatabase(fresh);
        int migrations;
        try {
            tools.run("pg_restore", restoring, List.of("--no-owner", "--no-privileges", "--exit-on-error", absolute.toString()));
            migrations = SchemaMigrator.migrate(restoring.dataSource());
        } catch (RuntimeException e) {
            execute("DROP DATABASE IF EXISTS " + quote(fresh));
            if (e instanceof BackupException) {
                throw new BackupException(e.getMessage() + "; the database " + name + " was not changed", e);
            }
            throw new BackupException("the backup cannot be brought up to date (" + e.getMessage()
                    + "); the database " + name + " was not changed", e);
        }
        int tables = tablesWithRows(restoring).size();
        swap(name, fresh, exists);
        return new RestoreReport(tables, migrations, seconds(start));
    }

    /**
     * Refuses when the database holds more than the migrations put into an empty one (their seed
     * rows, e.g. the data version counters): that baseline is measured on a freshly migrated
     * scratch database, so no table names are assumed here.
     */
    private void requireNoData(String name, String scratch) {
        Set<String> withRows = tablesWithRows(target);
        if (withRows.isEmpty()) {
            return;
        }
        execute("DROP DATABASE IF EXISTS " + quote(scratch));
        execute("CREATE DATABASE " + quote(scratch));
        Set<String> seeded;
        try {
            DatabaseTarget empty = target.withDatabase(scratch);
            SchemaMigrator.migrate(empty.dataSource());
            seeded = tablesWithRows(empty);
        } finally {
            execute("DROP DATABASE IF EXISTS " + quote(scratch));
        }
        Set<String> data = new TreeSet<>(withRows);
        data.removeAll(seeded);
        if (!data.isEmpty()) {
            throw new BackupException("the database " + name + " holds data (" + data.size() + " tables with rows, e.g. "
                    + data.iterator().next() + "); add --force to replace it with the backup");
        }
    }

    private void requireArchive(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BackupException(file + " does not exist or is not a file");
        }
        try {
            tools.runOffline("pg_restore", List.of("--list", file.toString()));
        } catch (BackupException e) {
            throw new BackupException(file + " is not a pg_dump archive (made by ./gridpatrol backup or pg_dump -Fc)", e);
        }
    }

    private void swap(String name, String fresh, boolean exists) {
        String replaced = withSuffix(name, "_replaced");
        try (Connection c = maintenance(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + quote(replaced));
            // the rename needs the database without sessions: end them (the application must be stopped)
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name.replace("'", "''")
                    + "' AND pid <> pg_backend_pid()");
            c.setAutoCommit(false);
            if (exists) {
                s.execute("ALTER DATABASE " + quote(name) + " RENAME TO " + quote(replaced));
            }
            s.execute("ALTER DATABASE " + quote(fresh) + " RENAME TO " + quote(name));
            c.commit();
            c.setAutoCommit(true);
            s.execute("DROP DATABASE IF EXISTS " + quote(replaced));
        } catch (SQLException e) {
            execute("DROP DATABASE IF EXISTS " + quote(fresh));
            throw new BackupException("cannot swap in the restored database (" + e.getMessage()
                    + "); stop the application and try again, the database " + name + " was not changed", e);
        }
    }

    private boolean databaseExists(String name) {
        try (Connection c = maintenance(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "''") + "'")) {
            return rs.next();
        } catch (SQLException e) {
            throw new BackupException("cannot reach the database server at " + target.host() + ":" + target.port()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Tables of the application (not Flyway's history, not PostGIS's reference table) holding at least one row. */
    static Set<String> tablesWithRows(DatabaseTarget database) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT format('%I.%I', schemaname, tablename) FROM pg_tables"
                    + " WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'topology', 'tiger')"
                    + " AND tablename NOT IN ('flyway_schema_history', 'spatial_ref_sys')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            Set<String> withRows = new TreeSet<>();
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        withRows.add(table);
                    }
                }
            }
            return withRows;
        } catch (SQLException e) {
            throw new BackupException("cannot read the database " + database.database() + ": " + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        try (Connection c = maintenance(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new BackupException("cannot prepare the restore (" + e.getMessage() + "); the user needs CREATEDB", e);
        }
    }

    private Connection maintenance() throws SQLException {
        return target.withDatabase(MAINTENANCE_DATABASE).dataSource().getConnection();
    }

    private static String withSuffix(String name, String suffix) {
        // database names are at most 63 bytes: keep room for the suffix
        return (name.length() > 50 ? name.substring(0, 50) : name) + suffix;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover .partial is harmless: the next backup overwrites it
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DatabaseBackup[%s]", target);
    }
}
