package org.gridpatrol.bench;

import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.LocalPostgis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./gridpatrol bench osm-import [FILE…] [--runs N] [--jar APP_JAR]}: our import (osm2pgsql
 * flex into a staging schema, then one transaction into the product tables, jurisdictions and key
 * places derived) against the peer, plain {@code osm2pgsql --output=pgsql} with its default style, on
 * the same files and the same PostGIS. Both run as separate processes under GNU time; ours also
 * reports its in-process import time, which excludes the JVM's start. Ours is the application jar's
 * {@code import-osm} (default {@code web-map/target/gridpatrol.jar} from the working directory, the
 * project root under the launcher), not this benchmark jar, so that the measured process is the
 * shipped one.
 */
final class OsmImportBenchmark {

    private static final Pattern IMPORTED = Pattern.compile("Imported \\S+ in ([0-9.]+) s");

    private OsmImportBenchmark() {
    }

    static int run(List<String> arguments) throws Exception {
        int runs = 3;
        Path appJar = Path.of("web-map", "target", "gridpatrol.jar");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).equals("--runs")) {
                runs = Integer.parseInt(arguments.get(++i));
            } else if (arguments.get(i).equals("--jar")) {
                appJar = Path.of(arguments.get(++i));
            } else {
                files.add(Path.of(arguments.get(i)).toAbsolutePath());
            }
        }
        if (files.isEmpty()) {
            files.add(Path.of("data/sample/andorra.osm.pbf").toAbsolutePath());
            Path monaco = Path.of("../shared/data/graphhopper-monaco.osm.gz").toAbsolutePath();
            if (Files.exists(monaco)) {
                files.add(monaco);
            }
        }
        if (!Files.isRegularFile(appJar)) {
            throw new IllegalArgumentException("no application jar at " + appJar.toAbsolutePath()
                    + "; build it (./mvnw -B -q -DskipTests package) or give --jar FILE");
        }
        String jar = appJar.toAbsolutePath().toString();
        Path folder = Files.createTempDirectory("gridpatrol-bench");
        System.out.printf(Locale.ROOT, "%-28s %5s | %-38s | %-26s | %s%n", "file", "size", "gridpatrol import-osm: in-process / process / peak RSS",
                "osm2pgsql pgsql: time / peak RSS", "ratio (ours in-process / peer)");
        try (LocalPostgis cluster = LocalPostgis.start(folder)) {
            int n = 0;
            for (Path file : files) {
                double[] ours = new double[runs];
                double[] oursProcess = new double[runs];
                double[] peer = new double[runs];
                long oursRss = 0;
                long peerRss = 0;
                for (int r = 0; r < runs; r++) {
                    DatabaseTarget ourDb = cluster.createDatabase("bench_ours_" + (++n));
                    MeasuredProcess o = MeasuredProcess.run(List.of("java", "-Xmx1g", "-jar", jar, "import-osm",
                                    file.toString(), "--db", ourDb.jdbcUrl()),
                            Map.of("GRIDPATROL_DB_USER", ourDb.user(), "GRIDPATROL_DB_PASSWORD", ourDb.password()));
                    Matcher m = IMPORTED.matcher(o.output());
                    if (!m.find()) {
                        throw new IllegalStateException("no import time in: " + o.output());
                    }
                    ours[r] = Double.parseDouble(m.group(1));
                    oursProcess[r] = o.seconds();
                    oursRss = Math.max(oursRss, o.maxRssKb());

                    DatabaseTarget peerDb = cluster.createDatabase("bench_peer_" + n);
                    try (var c = peerDb.dataSource().getConnection(); var s = c.createStatement()) {
                        s.execute("CREATE EXTENSION postgis; CREATE EXTENSION hstore");
                    }
                    MeasuredProcess p = MeasuredProcess.run(List.of("osm2pgsql", "--output=pgsql", "--create",
                                    "--host=" + peerDb.host(), "--port=" + peerDb.port(), "--username=" + peerDb.user(),
                                    "--database=" + peerDb.database(), "--number-processes=2", "--log-level=warn",
                                    file.toString()),
                            Map.of("PGPASSWORD", peerDb.password()));
                    peer[r] = p.seconds();
                    peerRss = Math.max(peerRss, p.maxRssKb());
                }
                System.out.printf(Locale.ROOT, "%-28s %4dk | %8.2f s / %6.2f s / %6d MB          | %6.2f s / %6d MB          | %.2f%n",
                        file.getFileName(), Files.size(file) / 1024, BenchStats.median(ours), BenchStats.median(oursProcess), oursRss / 1024,
                        BenchStats.median(peer), peerRss / 1024, BenchStats.median(ours) / BenchStats.median(peer));
            }
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        System.out.printf("(median of %d runs; peak RSS is the largest process of the tree: the JVM for ours)%n", runs);
        return 0;
    }
}
