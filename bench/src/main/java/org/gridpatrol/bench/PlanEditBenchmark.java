package org.gridpatrol.bench;

import org.gridpatrol.data.block.RegisterAssigner;
import org.gridpatrol.data.plan.PlanDiffs;
import org.gridpatrol.data.plan.Plans;
import org.gridpatrol.data.plan.SplitLine;
import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.LocalPostgis;
import org.gridpatrol.data.postgis.SchemaMigrator;
import org.gridpatrol.geo.plan.InvalidOperationException;
import org.gridpatrol.geo.plan.PlanOperation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * {@code ./gridpatrol bench plan-edit [--households N] [--blocks M] [--grids G] [--edits E]}: on a
 * synthetic county (defaults: 1,000,000 households, 50,000 blocks, 5,000 grids), the latency of one
 * planning edit as the API serves it (apply, revalidate, diff): moving 50 blocks, and splitting a grid
 * along a line, after 10 uncounted warm-up edits. Peer: the same diff computed in SQL ({@link PlanDiffs}).
 * Prints p50, p95, max.
 */
final class PlanEditBenchmark {

    private PlanEditBenchmark() {
    }

    static int run(List<String> arguments) throws Exception {
        int households = 1_000_000;
        int blocks = 50_000;
        int grids = 5_000;
        int edits = 40;
        for (int i = 0; i < arguments.size(); i++) {
            switch (arguments.get(i)) {
                case "--households" -> households = Integer.parseInt(arguments.get(++i));
                case "--blocks" -> blocks = Integer.parseInt(arguments.get(++i));
                case "--grids" -> grids = Integer.parseInt(arguments.get(++i));
                case "--edits" -> edits = Integer.parseInt(arguments.get(++i));
                default -> throw new IllegalArgumentException("unknown option " + arguments.get(i));
            }
        }
        Path folder = Files.createTempDirectory("gridpatrol-bench-plan");
        try (LocalPostgis cluster = LocalPostgis.start(folder)) {
            DatabaseTarget db = cluster.createDatabase("bench_plan");
            SchemaMigrator.migrate(db.dataSource());
            long township;
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("SELECT setseed(0.42)");
                township = SyntheticCounty.create(s, households, blocks);
                SyntheticCounty.addGrids(s, township, grids);
                long start = System.nanoTime();
                c.setAutoCommit(false);
                new RegisterAssigner(c).assign(township);
                c.commit();
                System.out.printf(Locale.ROOT, "households placed in blocks and grids in %.1f s%n", (System.nanoTime() - start) / 1e9);
            }
            // pooled, as in the application
            com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
            pool.setJdbcUrl(db.jdbcUrl());
            pool.setUsername(db.user());
            pool.setPassword(db.password());
            pool.setMaximumPoolSize(4);
            com.zaxxer.hikari.HikariDataSource pooled = new com.zaxxer.hikari.HikariDataSource(pool);
            Plans service = Plans.inPostgis(pooled);
            long start = System.nanoTime();
            Plans.PlanView view = service.create(township, "bench");
            service.diff(view.plan().id());
            System.out.printf(Locale.ROOT, "plan created, model built and first diff in %.1f s%n", (System.nanoTime() - start) / 1e9);

            Random random = new Random(5);
            List<Double> moves = new ArrayList<>();
            List<Double> splits = new ArrayList<>();
            int refused = 0;
            int warmUp = 10; // not counted: the JIT compiles the edit path during these
            for (int e = -warmUp; e < edits; e++) {
                // the operation is what a client sends: made before the clock starts
                boolean move = Math.floorMod(e, 2) == 0;
                PlanOperation moveOperation = move ? moveFifty(view, random) : null;
                SplitLine splitLine = move ? null : lineAcross(db, view, random);
                long t0 = System.nanoTime();
                try {
                    if (move) {
                        view = service.apply(view.plan().id(), view.plan().version(), moveOperation, "bench");
                    } else {
                        view = service.split(view.plan().id(), view.plan().version(), splitLine, "bench");
                    }
                    service.diff(view.plan().id());
                    if (e >= 0) {
                        (e % 2 == 0 ? moves : splits).add((System.nanoTime() - t0) / 1e6);
                    }
                } catch (InvalidOperationException refusedEdit) {
                    refused++;
                    view = service.get(view.plan().id());
                }
            }
            long sqlStart = System.nanoTime();
            PlanDiffs.inPostgis(db.dataSource()).diff(view.plan().id(), false);
            double sqlDiff = (System.nanoTime() - sqlStart) / 1e6;
            System.out.printf(Locale.ROOT, "%d blocks in the plan, %d grids; valid: %s; %d edits refused (line missed the grid)%n",
                    view.plan().state().gridOfBlock().size(), view.plan().state().grids().size(), view.validation().valid(), refused);
            report("move 50 blocks + revalidate + diff", moves);
            report("split a grid + revalidate + diff", splits);
            List<Double> all = new ArrayList<>(moves);
            all.addAll(splits);
            report("all edits", all);
            System.out.printf(Locale.ROOT, "peer: the same diff in SQL (PlanDiffQuery): %.0f ms; ratio SQL diff / p50 edit with diff: %.0f×%n",
                    sqlDiff, sqlDiff / BenchStats.percentile(all, 50));
            System.out.printf(Locale.ROOT, "peak JVM heap %d MB%n", BenchStats.peakHeapMb());
            System.out.println("load average (1, 5, 15 min) at the end: " + BenchStats.loadAverage());
            pooled.close();
        } finally {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** 50 blocks from 50 different grids that have at least two blocks, into one other grid. */
    private static PlanOperation moveFifty(Plans.PlanView view, Random random) {
        Map<Long, Long> assignment = view.plan().state().gridOfBlock();
        Map<Long, Integer> sizes = view.plan().state().blockCounts();
        List<Long> blocks = new ArrayList<>(assignment.keySet());
        Collections.shuffle(blocks, random);
        List<Long> gridIds = new ArrayList<>(view.plan().state().grids().keySet());
        long target = gridIds.get(random.nextInt(gridIds.size()));
        Set<Long> usedGrids = new HashSet<>();
        List<Long> chosen = new ArrayList<>();
        for (long block : blocks) {
            long grid = assignment.get(block);
            if (grid != target && sizes.get(grid) >= 2 && usedGrids.add(grid)) {
                chosen.add(block);
                if (chosen.size() == 50) {
                    break;
                }
            }
        }
        return new PlanOperation.MoveBlocks(chosen, target);
    }

    private static SplitLine lineAcross(DatabaseTarget db, Plans.PlanView view, Random random) throws Exception {
        Map<Long, Integer> sizes = view.plan().state().blockCounts();
        List<Long> big = sizes.entrySet().stream().filter(e -> e.getValue() >= 6).map(Map.Entry::getKey).toList();
        long grid = big.get(random.nextInt(big.size()));
        List<Long> blocks = view.plan().state().gridOfBlock().entrySet().stream().filter(e -> e.getValue() == grid)
                .map(Map.Entry::getKey).toList();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom) AS e FROM block WHERE id = ANY(?)) x")) {
            s.setArray(1, c.createArrayOf("bigint", blocks.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                double lat = (rs.getDouble(2) + rs.getDouble(4)) / 2;
                return new SplitLine(grid, List.of(new double[] {rs.getDouble(1) - 0.001, lat},
                        new double[] {rs.getDouble(3) + 0.001, lat}), null);
            }
        }
    }

    private static void report(String what, List<Double> millis) {
        if (millis.isEmpty()) {
            return;
        }
        System.out.printf(Locale.ROOT, "%-38s n=%2d  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n", what, millis.size(),
                BenchStats.percentile(millis, 50), BenchStats.percentile(millis, 95), Collections.max(millis));
    }
}
