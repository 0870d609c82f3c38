package org.gridpatrol.data.postgis;

import org.gridpatrol.data.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class LocalPostgisIT {

    @Test
    void startsStopsAndRestartsKeepingTheData(@TempDir Path folder) throws SQLException {
        try (LocalPostgis first = LocalPostgis.start(folder)) {
            assertThat(Files.readString(folder.resolve("db-password").toAbsolutePath(), java.nio.charset.StandardCharsets.UTF_8)
                    .trim()).isEqualTo(first.target().password());
            SchemaMigrator.migrate(first.target().dataSource());
            execute(first.target(), "INSERT INTO osm_place (osm_id, place, name, geom) VALUES (1, 'town', 'Kept', ST_MakePoint(1.5, 42.5)::geometry(Point, 4326))");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        try (LocalPostgis second = LocalPostgis.start(folder)) {
            assertThat(SchemaMigrator.migrate(second.target().dataSource())).isZero();
            assertThat(queryString(second.target(), "SELECT name FROM osm_place")).isEqualTo("Kept");
        }
    }

    @Test
    void startsInAFolderWhosePathIsLongerThanAUnixSocketPathMayBe(@TempDir Path root) throws SQLException {
        Path deep = root.resolve("a-rather-long-folder-name-for-the-data-of-gridpatrol")
                .resolve("and-another-one-below-it-as-in-a-build-tree").resolve("0123456789abcdef0123456789abcdef");
        assertThat(deep.toAbsolutePath().toString().length()).isGreaterThan(120);
        try (LocalPostgis cluster = LocalPostgis.start(deep)) {
            assertThat(queryString(cluster.target(), "SELECT 'up'")).isEqualTo("up");
        }
    }

    @Test
    void firstMigrationCreatesPostgis() throws SQLException {
        DatabaseTarget empty = TestDatabases.freshEmpty(LocalPostgisIT.class);
        assertThat(queryString(empty, "SELECT count(*)::text FROM pg_extension WHERE extname = 'postgis'")).isEqualTo("0");
        int applied = SchemaMigrator.migrate(empty.dataSource());
        assertThat(applied).isGreaterThanOrEqualTo(4);
        assertThat(queryString(empty, "SELECT PostGIS_Lib_Version()")).startsWith("3.");
    }

    @Test
    void serverRefusesConnectionsWithoutThePassword() {
        DatabaseTarget target = TestDatabases.freshMigrated(LocalPostgisIT.class);
        DatabaseTarget wrong = new DatabaseTarget(target.jdbcUrl(), target.user(), "not-the-password");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrong.dataSource().getConnection().close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    static void execute(DatabaseTarget target, String sql) throws SQLException {
        try (Connection c = target.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String queryString(DatabaseTarget target, String sql) throws SQLException {
        try (Connection c = target.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
