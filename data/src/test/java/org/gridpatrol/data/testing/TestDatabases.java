package org.gridpatrol.data.testing;

import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.LocalPostgis;
import org.gridpatrol.data.postgis.SchemaMigrator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One real PostGIS cluster per test JVM (the project-local launcher, under {@code target/}), and a
 * fresh, migrated database for each test class that asks: tests never see each other's rows.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static LocalPostgis cluster;

    private TestDatabases() {
    }

    private static synchronized LocalPostgis cluster() {
        if (cluster == null) {
            Path folder = Path.of("target", "it-postgres");
            deleteRecursively(folder);
            cluster = LocalPostgis.start(folder);
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "stop-test-postgis"));
        }
        return cluster;
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
        return cluster().createDatabase(name);
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
