package org.gridpatrol.data.testing;

import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.LocalPostgis;
import org.gridpatrol.data.postgis.SchemaMigrator;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One real PostGIS server per test JVM, and a fresh, migrated database for each test class that
 * asks, so tests never see each other's rows. The server is a Testcontainers PostGIS where a Docker
 * engine answers, else the project-local cluster ({@link LocalPostgis}) under {@code target/}.
 */
public final class TestDatabases {

    private static final String POSTGIS_IMAGE = "postgis/postgis:15-3.4";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static DatabaseTarget admin;

    private TestDatabases() {
    }

    /** A connection target to the server's maintenance database, starting the server on first use. */
    private static synchronized DatabaseTarget admin() {
        if (admin == null) {
            admin = DockerClientFactory.instance().isDockerAvailable() ? startContainer() : startLocalCluster();
        }
        return admin;
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
    private static DatabaseTarget startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer(
                DockerImageName.parse(POSTGIS_IMAGE).asCompatibleSubstituteFor("postgres"));
        container.start();
        return new DatabaseTarget(container.getJdbcUrl(), container.getUsername(), container.getPassword())
                .withDatabase("postgres");
    }

    private static DatabaseTarget startLocalCluster() {
        Path folder = Path.of("target", "it-postgres");
        deleteRecursively(folder);
        LocalPostgis cluster = LocalPostgis.start(folder);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "stop-test-postgis"));
        return cluster.target().withDatabase("postgres");
    }

    /** A new empty database with the schema migrated, named after the test class. */
    public static DatabaseTarget freshMigrated(Class<?> testClass) {
        DatabaseTarget target = freshEmpty(testClass);
        SchemaMigrator.migrate(target.dataSource());
        return target;
    }

    /** A new database with nothing in it, not even PostGIS. */
    public static DatabaseTarget freshEmpty(Class<?> testClass) {
        String name = "it_" + testClass.getSimpleName().toLowerCase(Locale.ROOT) + "_" + COUNTER.incrementAndGet();
        try (Connection c = admin().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return admin().withDatabase(name);
    }

    /** The real Andorra extract bundled with the product. */
    public static Path andorraExtract() {
        return Path.of("sample", "andorra.osm.pbf").toAbsolutePath();
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
