package org.gridpatrol.data.backup;

import org.flywaydb.core.Flyway;
import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.LocalPostgis;
import org.gridpatrol.data.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Round trip through pg_dump/pg_restore on a real PostGIS: rows loaded with SQL, backed up, changed,
 * restored; compared by the row count of every table and a checksum of the rows of a few.
 */
class DatabaseBackupIT {

    private static final String[] CHECKSUMMED = {"jurisdiction", "household", "flyway_schema_history"};

    @Test
    void restoreBringsBackTheDataOfTheBackupAndRefusesToOverwriteWithoutForce(@TempDir Path dir) throws Exception {
        DatabaseTarget db = TestDatabases.freshMigrated(DatabaseBackupIT.class);
        load(db);
        Map<String, String> before = snapshot(db);
        DatabaseBackup backup = new DatabaseBackup(db, LocalPostgis.installedBinDir());
        Path file = dir.resolve("gridpatrol.dump");

        BackupReport written = backup.backup(file, false);
        assertThat(written.bytes()).isEqualTo(Files.size(file)).isPositive();
        assertThat(new String(Arrays.copyOf(Files.readAllBytes(file), 5), StandardCharsets.US_ASCII)).isEqualTo("PGDMP");

        execute(db, "DELETE FROM household WHERE residents > 2");
        execute(db, "UPDATE jurisdiction SET name = 'Renamed'");
        execute(db, "INSERT INTO household (jurisdiction_id, residents, geom) SELECT id, 9, ST_SetSRID(ST_MakePoint(7.42, 43.73), 4326) FROM jurisdiction");
        Map<String, String> changed = snapshot(db);
        assertThat(changed).isNotEqualTo(before);

        assertThatThrownBy(() -> backup.restore(file, false)).isInstanceOf(BackupException.class)
                .hasMessageContaining("holds data").hasMessageContaining("--force");
        assertThat(snapshot(db)).isEqualTo(changed);

        RestoreReport restored = backup.restore(file, true);
        assertThat(snapshot(db)).isEqualTo(before);
        assertThat(restored.migrationsApplied()).isZero();
        assertThat(restored.tables()).isGreaterThanOrEqualTo(2);
        assertThat(databaseNames(db)).noneMatch(n -> n.endsWith("_restoring") || n.endsWith("_replaced"));
    }

    @Test
    void aBrokenArchiveLeavesTheOldData(@TempDir Path dir) throws Exception {
        DatabaseTarget db = TestDatabases.freshMigrated(DatabaseBackupIT.class);
        load(db);
        DatabaseBackup backup = new DatabaseBackup(db, LocalPostgis.installedBinDir());
        Path file = dir.resolve("full.dump");
        backup.backup(file, false);
        execute(db, "UPDATE jurisdiction SET name = 'After the backup'");
        Map<String, String> current = snapshot(db);
        // the table of contents is at the start: a cut archive still lists, its data is incomplete
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.dump");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 2000));

        assertThatThrownBy(() -> backup.restore(cut, true)).isInstanceOf(BackupException.class)
                .hasMessageContaining("was not changed");
        assertThat(snapshot(db)).isEqualTo(current);
        assertThat(databaseNames(db)).noneMatch(n -> n.endsWith("_restoring"));
    }

    @Test
    void anOlderBackupIsBroughtUpToDateByTheMigrations(@TempDir Path dir) throws Exception {
        DatabaseTarget old = TestDatabases.freshEmpty(DatabaseBackupIT.class);
        Flyway.configure().dataSource(old.dataSource()).locations("classpath:db/migration").target("5").load().migrate();
        execute(old, "INSERT INTO jurisdiction (code, name, level, county_code, geom) VALUES "
                + "('X1', 'Old county', 'county', 'X1', ST_Multi(ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 1,0 0))', 4326)))");
        Path file = dir.resolve("old.dump");
        new DatabaseBackup(old, LocalPostgis.installedBinDir()).backup(file, false);
        DatabaseTarget empty = TestDatabases.freshEmpty(DatabaseBackupIT.class);

        RestoreReport restored = new DatabaseBackup(empty, LocalPostgis.installedBinDir()).restore(file, false);

        assertThat(restored.migrationsApplied()).isPositive();
        assertThat(query(empty, "SELECT name FROM jurisdiction")).isEqualTo("Old county");
        DatabaseTarget migratedEmpty = TestDatabases.freshMigrated(DatabaseBackupIT.class);
        assertThat(query(empty, "SELECT max(version::int)::text FROM flyway_schema_history"))
                .isEqualTo(query(migratedEmpty, "SELECT max(version::int)::text FROM flyway_schema_history"));
        // the migrations' own seed rows (data version counters) are not data: no --force needed
        new DatabaseBackup(migratedEmpty, LocalPostgis.installedBinDir()).restore(file, false);
        assertThat(query(migratedEmpty, "SELECT name FROM jurisdiction")).isEqualTo("Old county");
    }

    @Test
    void restoreCreatesADatabaseThatDoesNotExistYet(@TempDir Path dir) throws Exception {
        DatabaseTarget db = TestDatabases.freshMigrated(DatabaseBackupIT.class);
        load(db);
        Map<String, String> before = snapshot(db);
        Path file = dir.resolve("gp.dump");
        new DatabaseBackup(db, LocalPostgis.installedBinDir()).backup(file, false);
        DatabaseTarget absent = db.withDatabase("it_databasebackupit_absent");
        execute(db.withDatabase("postgres"), "DROP DATABASE IF EXISTS it_databasebackupit_absent");

        new DatabaseBackup(absent, LocalPostgis.installedBinDir()).restore(file, false);

        assertThat(snapshot(absent)).isEqualTo(before);
    }

    @Test
    void userMistakesAreRefusedInOneSentence(@TempDir Path dir) throws IOException {
        DatabaseTarget db = TestDatabases.freshMigrated(DatabaseBackupIT.class);
        DatabaseBackup backup = new DatabaseBackup(db, LocalPostgis.installedBinDir());
        Path existing = Files.writeString(dir.resolve("existing.dump"), "keep me");

        assertThatThrownBy(() -> backup.backup(existing, false)).isInstanceOf(BackupException.class)
                .hasMessageContaining("already exists").hasMessageContaining("--force");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
        assertThatThrownBy(() -> backup.restore(dir.resolve("missing.dump"), true)).isInstanceOf(BackupException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> backup.restore(existing, true)).isInstanceOf(BackupException.class)
                .hasMessageContaining("is not a pg_dump archive");
        assertThatThrownBy(() -> backup.backup(dir.resolve("no-such-folder").resolve("x.dump"), false))
                .isInstanceOf(BackupException.class).hasMessageContaining("does not exist");

        backup.backup(existing, true);
        assertThat(Files.readString(existing, StandardCharsets.ISO_8859_1)).startsWith("PGDMP");
    }

    private static void load(DatabaseTarget db) throws SQLException {
        execute(db, "INSERT INTO jurisdiction (code, name, name_zh, level, county_code, geom) VALUES "
                + "('T01', 'Test county', '测试县', 'county', 'T01', ST_Multi(ST_GeomFromText('POLYGON((7.40 43.72,7.44 43.72,7.44 43.75,7.40 43.75,7.40 43.72))', 4326)))");
        execute(db, "INSERT INTO household (jurisdiction_id, county_code, address, head_name, head_phone, residents, geom) "
                + "SELECT j.id, 'T01', 'Rue ' || g, 'Resident ' || g, '+377 ' || g, g % 5, "
                + "ST_SetSRID(ST_MakePoint(7.40 + g * 0.0003, 43.73), 4326) FROM jurisdiction j, generate_series(1, 120) g");
    }

    /** Row count of every table, and an md5 of every row of a few, in id order. */
    private static Map<String, String> snapshot(DatabaseTarget db) throws SQLException {
        Map<String, String> result = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet tables = c.createStatement().executeQuery(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
                while (tables.next()) {
                    String table = tables.getString(1);
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                        rs.next();
                        result.put(table + ".rows", rs.getString(1));
                    }
                }
            }
            for (String table : CHECKSUMMED) {
                String order = table.equals("flyway_schema_history") ? "installed_rank" : "id";
                try (ResultSet rs = s.executeQuery("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY " + order + "), '')) FROM "
                        + table + " t")) {
                    rs.next();
                    result.put(table + ".md5", rs.getString(1));
                }
            }
        }
        return result;
    }

    private static java.util.List<String> databaseNames(DatabaseTarget db) throws SQLException {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (Connection c = db.withDatabase("postgres").dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static void execute(DatabaseTarget db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(DatabaseTarget db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
