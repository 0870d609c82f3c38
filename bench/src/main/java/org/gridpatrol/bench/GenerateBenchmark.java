package org.gridpatrol.bench;

import org.gridpatrol.data.block.BulkBlockAssigner;
import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.LocalPostgis;
import org.gridpatrol.data.postgis.SchemaMigrator;
import org.gridpatrol.data.sample.SampleDataLoader;
import org.gridpatrol.data.sample.SampleSize;
import org.gridpatrol.geo.generate.GenerationTarget;
import org.gridpatrol.geo.generate.GridGenerator;
import org.gridpatrol.geo.generate.Regridding;
import org.gridpatrol.geo.generate.WeightedBlockGraph;
import org.gridpatrol.geo.generate.WorkloadBand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./gridpatrol bench generate [--sizes 2000,50000] [--runs 3] [--band 200,400] [--no-andorra] [--osm FILE]}:
 * grid generation (issue 17) on weighted block graphs — each township with households of the sample built from
 * {@code --osm} (the bundled Andorra extract by default: its parishes) and
 * synthetic counties of the given sizes in blocks (the county of {@code plan-edit}: 20 households per
 * block) — ours ({@link GridGenerator}, band 200–400 households) against METIS and Scotch asked for as
 * many parts as ours made ({@link PeerPartitioner}). Run r uses seed r + 1 (ours, METIS; Scotch takes
 * none). Per tool: time, CPU time (ours: the generating thread's; peers: user + system of the process,
 * from GNU time: less disturbed than wall time on a shared machine) and mean Polsby–Popper as median
 * and range of the runs, peak memory (for ours the
 * JVM heap above what was held before the run, for the peers process RSS), the worst run's shares in band
 * and contiguous, the first run's heaviest/lightest ({@link PartitionQuality}). Then, on ours' grids, the rebalance after a new estate ({@link RebalanceScenario}).
 * Prints a table per graph and a Markdown summary; the load average at the start and the end.
 */
final class GenerateBenchmark {

    private static final String SAMPLE_COUNTS = """
            SELECT h.block_id, count(*) FROM household h JOIN block b ON b.id = h.block_id
            WHERE b.jurisdiction_id = ? GROUP BY h.block_id""";
    private static final String SYNTHETIC_COUNTS = """
            SELECT a.block_id, count(*) FROM assigned_block a JOIN block b ON b.id = a.block_id
            WHERE b.jurisdiction_id = ? GROUP BY a.block_id""";

    private GenerateBenchmark() {
    }

    /**
     * What one tool did on one graph over the runs (run r with seed r + 1 where the tool takes a seed):
     * quality = the first run's, except in band and contiguous = the worst run's; time and mean
     * Polsby–Popper as median and range over the runs.
     */
    private record Row(String graph, int blocks, long households, String tool, PartitionQuality quality, Spread seconds,
                       Spread cpuSeconds, Spread polsbyPopper, String memory) {
    }

    /** Median, smallest and largest of some runs' values. */
    private record Spread(double median, double min, double max) {
        static Spread of(double[] values) {
            return new Spread(BenchStats.median(values), Arrays.stream(values).min().orElse(0), Arrays.stream(values).max().orElse(0));
        }

        String format(String number, String unit) {
            return String.format(Locale.ROOT, number + "%s (" + number + "–" + number + ")", median, unit, min, max);
        }
    }

    /** The first run's quality with the worst in-band and contiguous shares of all runs. */
    private static PartitionQuality worst(List<PartitionQuality> runs) {
        PartitionQuality first = runs.get(0);
        return new PartitionQuality(first.grids(), first.emptyGrids(), runs.stream().mapToDouble(PartitionQuality::inBand).min().orElse(0),
                first.heaviestToLightest(), runs.stream().mapToDouble(PartitionQuality::contiguous).min().orElse(0), first.meanPolsbyPopper());
    }

    /** One graph's rows and its rebalance scenario. */
    private record Measured(List<Row> rows, RebalanceScenario rebalance) {
    }

    static int run(List<String> arguments) throws Exception {
        List<Integer> sizes = List.of(2_000, 50_000);
        int runs = 3;
        WorkloadBand band = new WorkloadBand(200, 400);
        boolean andorra = true;
        Path osm = Path.of("data", "sample", "andorra.osm.pbf");
        for (int i = 0; i < arguments.size(); i++) {
            switch (arguments.get(i)) {
                case "--sizes" -> sizes = Arrays.stream(arguments.get(++i).split(",")).filter(s -> !s.isBlank())
                        .map(String::trim).map(Integer::parseInt).toList();
                case "--runs" -> runs = Integer.parseInt(arguments.get(++i));
                case "--band" -> {
                    String[] ends = arguments.get(++i).split(",");
                    band = new WorkloadBand(Double.parseDouble(ends[0]), Double.parseDouble(ends[1]));
                }
                case "--no-andorra" -> andorra = false;
                case "--osm" -> osm = Path.of(arguments.get(++i));
                default -> throw new IllegalArgumentException("unknown option " + arguments.get(i));
            }
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
        System.out.println("load average (1, 5, 15 min) at the start: " + BenchStats.loadAverage());
        Path folder = Files.createTempDirectory("gridpatrol-bench-generate");
        try {
            List<GenerationGraph> graphs = load(folder, andorra ? osm : null, sizes);
            Map<String, Measured> measured = new LinkedHashMap<>();
            for (GenerationGraph graph : graphs) {
                measured.put(graph.name(), measure(graph, band, runs, folder));
            }
            summary(measured, band, runs);
            System.out.printf(Locale.ROOT, "peak JVM heap of the whole run %d MB%n", BenchStats.peakHeapMb());
            System.out.println("load average (1, 5, 15 min) at the end: " + BenchStats.loadAverage());
        } finally {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** The graphs, read from a local PostGIS that is stopped before anything is timed. */
    private static List<GenerationGraph> load(Path folder, Path osm, List<Integer> sizes) throws Exception {
        List<GenerationGraph> graphs = new ArrayList<>();
        try (LocalPostgis cluster = LocalPostgis.start(folder.resolve("pg"))) {
            if (osm != null) {
                long start = System.nanoTime();
                DatabaseTarget db = cluster.createDatabase("bench_generate_sample");
                SchemaMigrator.migrate(db.dataSource());
                new SampleDataLoader(db, SampleSize.DEMO).load(osm.toAbsolutePath());
                try (Connection c = db.dataSource().getConnection()) {
                    Map<Long, String> townships = new LinkedHashMap<>();
                    try (PreparedStatement s = c.prepareStatement("""
                            SELECT id, name FROM jurisdiction j WHERE level = 'township'
                              AND EXISTS (SELECT 1 FROM block b WHERE b.jurisdiction_id = j.id)
                              AND EXISTS (SELECT 1 FROM household h WHERE h.jurisdiction_id = j.id) ORDER BY name""");
                         ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            townships.put(rs.getLong(1), rs.getString(2));
                        }
                    }
                    for (Map.Entry<Long, String> township : townships.entrySet()) {
                        graphs.add(GenerationGraph.load(c, township.getValue(), township.getKey(), SAMPLE_COUNTS));
                    }
                }
                System.out.printf(Locale.ROOT, "sample loaded and %d parish graphs built in %.1f s%n", graphs.size(),
                        (System.nanoTime() - start) / 1e9);
            }
            for (int size : sizes) {
                long start = System.nanoTime();
                DatabaseTarget db = cluster.createDatabase("bench_generate_" + size);
                SchemaMigrator.migrate(db.dataSource());
                try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                    s.execute("SELECT setseed(0.42)"); // as plan-edit: the same county for the same sizes
                    long township = SyntheticCounty.create(s, 20 * size, size);
                    new BulkBlockAssigner(c).computeInto("household", township, "assigned_block");
                    graphs.add(GenerationGraph.load(c, String.format(Locale.ROOT, "synthetic county %,d blocks", size),
                            township, SYNTHETIC_COUNTS));
                }
                System.out.printf(Locale.ROOT, "synthetic county of %,d blocks and its graph built in %.1f s%n", size,
                        (System.nanoTime() - start) / 1e9);
            }
        }
        return graphs;
    }

    private static Measured measure(GenerationGraph graph, WorkloadBand band, int runs, Path folder) throws Exception {
        WeightedBlockGraph weighted = graph.weighted(Map.of());
        long households = graph.totalHouseholds();
        System.out.printf(Locale.ROOT, "%n== %s: %,d blocks, %,d households, %d villages, band %.0f–%.0f ==%n", graph.name(),
                graph.blocks().size(), households, new HashSet<>(graph.villageOfBlock().values()).size(), band.min(), band.max());
        List<Integer> overMaximum = graph.blocks().keySet().stream().map(graph::households).filter(h -> h > band.max()).toList();
        if (!overMaximum.isEmpty()) {
            // such a block is a grid out of the band whatever any tool does
            System.out.printf(Locale.ROOT, "%d blocks over the band's maximum on their own (%,d households in all)%n",
                    overMaximum.size(), overMaximum.stream().mapToLong(Integer::longValue).sum());
        }
        List<Row> rows = new ArrayList<>();

        double[] seconds = new double[runs];
        double[] cpu = new double[runs];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<PartitionQuality> oursRuns = new ArrayList<>();
        long heap = 0;
        Regridding ours = null;
        for (int r = 0; r < runs; r++) {
            // the heap above what is held before the run (the graphs of every size): the generator's own
            System.gc();
            long held = BenchStats.usedHeapMb();
            BenchStats.resetPeakHeap();
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            Regridding result = new GridGenerator(weighted, new GenerationTarget(band, null)).setSeed(r + 1).getResult();
            seconds[r] = (System.nanoTime() - t0) / 1e9;
            cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e9; // the generator's thread; GC threads not counted
            heap = Math.max(heap, BenchStats.peakHeapMb() - held);
            ours = r == 0 ? result : ours;
            oursRuns.add(PartitionQuality.of(weighted, result.gridOfBlock(), 0, band));
        }
        PartitionQuality oursQuality = worst(oursRuns);
        rows.add(new Row(graph.name(), graph.blocks().size(), households, "ours", oursQuality, Spread.of(seconds), Spread.of(cpu),
                Spread.of(oursRuns.stream().mapToDouble(PartitionQuality::meanPolsbyPopper).toArray()), "heap +" + heap + " MB"));
        if (!ours.problems().isEmpty()) {
            System.out.printf(Locale.ROOT, "ours reported %d problems, e.g. %s%n", ours.problems().size(), ours.problems().get(0).message());
        }

        int parts = oursQuality.grids();
        PeerPartitioner.Indexed indexed = PeerPartitioner.Indexed.of(weighted);
        for (PeerPartitioner peer : parts < 2 ? new PeerPartitioner[0] : PeerPartitioner.values()) {
            try {
                Path file = peer.writeGraph(indexed, folder, "graph-" + rows.size() + "-" + graph.name().replaceAll("[^A-Za-z0-9]", "_"));
                double[] peerSeconds = new double[runs];
                double[] peerCpu = new double[runs];
                List<PartitionQuality> peerRuns = new ArrayList<>();
                long rss = 0;
                for (int r = 0; r < runs; r++) {
                    PeerPartitioner.Run run = peer.partition(indexed, file, parts, r + 1);
                    peerSeconds[r] = run.seconds();
                    peerCpu[r] = run.cpuSeconds();
                    rss = Math.max(rss, run.maxRssKb());
                    peerRuns.add(PartitionQuality.of(weighted, run.partOfBlock(), parts, band));
                }
                rows.add(new Row(graph.name(), graph.blocks().size(), households, peer.label(), worst(peerRuns),
                        Spread.of(peerSeconds), Spread.of(peerCpu), Spread.of(peerRuns.stream().mapToDouble(PartitionQuality::meanPolsbyPopper).toArray()),
                        "RSS " + Math.round(rss / 1024.0) + " MB"));
            } catch (RuntimeException | java.io.IOException failed) {
                System.out.printf(Locale.ROOT, "%s failed on %s with %d parts: %s%n", peer.label(), graph.name(), parts,
                        failed.getMessage().strip());
            }
        }
        if (parts < 2) {
            System.out.println("ours made a single grid: the peers are not asked for one part (gpmetis refuses it)");
        }
        System.out.printf(Locale.ROOT, "%-7s %6s %26s %26s %12s %8s %18s %10s %22s%n", "tool", "grids", "time (median, range)",
                "CPU (median, range)", "memory", "in band", "heaviest/lightest", "contiguous", "mean PP (median, range)");
        for (Row row : rows) {
            PartitionQuality q = row.quality();
            System.out.printf(Locale.ROOT, "%-7s %6d %26s %26s %12s %7.1f%% %18s %9.1f%% %22s%n", row.tool(), q.grids(),
                    row.seconds().format("%.3f", " s"), row.cpuSeconds().format("%.3f", " s"), row.memory(), 100 * q.inBand(), ratio(q.heaviestToLightest()),
                    100 * q.contiguous(), row.polsbyPopper().format("%.3f", ""));
        }
        rows.stream().filter(r -> r.tool().equals("METIS")).findFirst().ifPresent(metis -> System.out.printf(Locale.ROOT,
                "ours / METIS (medians): time %.2f×, CPU %.2f× (aim ≤ 2× on the 50,000-block county), mean Polsby–Popper %+.1f %% (aim ≥ +10 %%)%n",
                rows.get(0).seconds().median() / Math.max(metis.seconds().median(), 0.005),
                rows.get(0).cpuSeconds().median() / Math.max(metis.cpuSeconds().median(), 0.005),
                100 * (rows.get(0).polsbyPopper().median() / metis.polsbyPopper().median() - 1)));

        RebalanceScenario scenario = RebalanceScenario.run(graph, ours, band, 17);
        System.out.printf(Locale.ROOT, """
                rebalance: +%,d households (5 %%) in %d adjacent blocks; locked grids: %d
                  grids in the band: %d of %d after the estate, %d of %d after rebalancing (%d contiguous), in %.3f s
                  blocks moved: rebalance %d (%d by grid id), fresh generation %d (in %.3f s): %.1f %% of fresh (aim ≤ 5 %%)
                  locked grids untouched: %s%n""",
                scenario.addedHouseholds(), scenario.estateBlocks(), scenario.lockedGrids(), scenario.inBandBefore(),
                scenario.gridsBefore(), scenario.inBandAfter(), scenario.gridsAfter(), scenario.contiguousAfter(),
                scenario.rebalanceSeconds(), scenario.movedRebalance(), scenario.movedByIds(), scenario.movedFresh(),
                scenario.freshSeconds(), scenario.movedFresh() == 0 ? 0.0 : 100.0 * scenario.movedRebalance() / scenario.movedFresh(),
                scenario.lockedUntouched() ? "yes" : "NO");
        return new Measured(rows, scenario);
    }

    private static void summary(Map<String, Measured> measured, WorkloadBand band, int runs) {
        List<Row> rows = measured.values().stream().flatMap(m -> m.rows().stream()).toList();
        System.out.printf(Locale.ROOT, "%nSummary (Markdown; band %.0f–%.0f; %d run%s, run r with seed r + 1 where the tool takes one;"
                + " time and mean Polsby–Popper: median (range); in band, contiguous: the worst run):%n%n", band.min(), band.max(),
                runs, runs == 1 ? "" : "s");
        System.out.println("| graph | blocks | households | tool | grids | time | CPU | peak memory | in band | heaviest/lightest | contiguous | mean Polsby–Popper |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Row row : rows) {
            PartitionQuality q = row.quality();
            System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %s | %d | %s | %s | %s | %.1f %% | %s | %.1f %% | %s |%n", row.graph(),
                    row.blocks(), row.households(), row.tool(), q.grids(), row.seconds().format("%.3f", " s"),
                    row.cpuSeconds().format("%.3f", " s"), row.memory(),
                    100 * q.inBand(), ratio(q.heaviestToLightest()), 100 * q.contiguous(), row.polsbyPopper().format("%.3f", ""));
        }
        System.out.printf(Locale.ROOT, "%nRebalance after a new estate (+5 %% households), ours:%n%n");
        System.out.println("| graph | estate blocks | locked grids | in band after the estate | in band after rebalancing | contiguous | blocks moved | fresh generation moves | moved / fresh | locked untouched | time |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        measured.forEach((graph, m) -> {
            RebalanceScenario r = m.rebalance();
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d / %d | %d / %d | %d / %d | %d | %d | %.1f %% | %s | %.3f s |%n", graph,
                    r.estateBlocks(), r.lockedGrids(), r.inBandBefore(), r.gridsBefore(), r.inBandAfter(), r.gridsAfter(),
                    r.contiguousAfter(), r.gridsAfter(), r.movedRebalance(), r.movedFresh(),
                    r.movedFresh() == 0 ? 0.0 : 100.0 * r.movedRebalance() / r.movedFresh(), r.lockedUntouched() ? "yes" : "no",
                    r.rebalanceSeconds());
        });
    }

    private static String ratio(double ratio) {
        return Double.isInfinite(ratio) ? "∞" : String.format(Locale.ROOT, "%.2f", ratio);
    }
}
