package org.gridpatrol.bench;

import org.gridpatrol.geo.crs.Bd09;
import org.gridpatrol.geo.crs.ChinaOutline;
import org.gridpatrol.geo.crs.CoordinateSystem;
import org.gridpatrol.geo.crs.Gcj02;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./gridpatrol bench gcj02 [--points 1000000] [--runs 5] [--seed 1] [--gcoord DIR]}: GCJ-02 and
 * BD-09 conversion (issue 16, ADR 0028) on random points inside China's outline — throughput of
 * forward, inverse and round trip, worst and 99th-percentile round-trip error in metres, peak heap —
 * and, in the same run on the same points, the peer npm {@code gcoord} on node: its throughput and
 * the largest distance between its results and ours. {@code DIR} holds {@code node_modules/gcoord}
 * (the launcher installs it into a cache folder and passes {@code GRIDPATROL_GCOORD_DIR}); without it
 * the peer is skipped. Prints per run, then median and range; the load average before and after.
 */
final class Gcj02Benchmark {

    private static final Pattern NUMBER = Pattern.compile("\"(\\w+)\":(\"[^\"]*\"|[0-9.eE+-]+)");

    private static String peerVersion = "?";

    private Gcj02Benchmark() {
    }

    /** One run's figures: points per second and errors in metres. */
    private record Run(double forward, double inverse, double roundTrip, double maxError, double p99Error,
                       double bdForward, double bdInverse, double bdMaxError,
                       double peerForward, double peerInverse, double peerBdForward, double peerBdInverse,
                       double peerForwardDiff, double peerInverseDiff, double peerBdForwardDiff, double peerBdInverseDiff) {
    }

    static int run(List<String> arguments) throws Exception {
        int points = 1_000_000;
        int runs = 5;
        long seed = 1;
        String gcoord = System.getenv("GRIDPATROL_GCOORD_DIR");
        for (int i = 0; i < arguments.size(); i++) {
            switch (arguments.get(i)) {
                case "--points" -> points = Integer.parseInt(arguments.get(++i));
                case "--runs" -> runs = Integer.parseInt(arguments.get(++i));
                case "--seed" -> seed = Long.parseLong(arguments.get(++i));
                case "--gcoord" -> gcoord = arguments.get(++i);
                default -> throw new IllegalArgumentException("unknown option " + arguments.get(i));
            }
        }
        if (points < 100 || runs < 1) {
            throw new IllegalArgumentException("--points must be at least 100 and --runs at least 1");
        }
        Path peerDir = gcoord == null || gcoord.isBlank() ? null : Path.of(gcoord);
        if (peerDir != null && !Files.isDirectory(peerDir.resolve("node_modules").resolve("gcoord"))) {
            throw new IllegalArgumentException(peerDir + " has no node_modules/gcoord (npm install --prefix " + peerDir + " gcoord)");
        }
        System.out.printf(Locale.ROOT, "gcj02: %,d random points inside China's outline, %d runs, seed %d; load %s%n",
                points, runs, seed, BenchStats.loadAverage());
        double[] wgs = randomPointsInChina(points, seed);
        Path work = Files.createTempDirectory("gridpatrol-gcj02");
        try {
            Path input = work.resolve("points.f64");
            writeDoubles(input, wgs);
            Path script = work.resolve("gcoord-peer.js");
            try (InputStream in = Gcj02Benchmark.class.getResourceAsStream("gcoord-peer.js")) {
                Files.write(script, in.readAllBytes());
            }
            measureOurs(Arrays.copyOf(wgs, 20_000)); // warm-up: compile the hot paths before timing
            BenchStats.resetPeakHeap();
            List<Run> measured = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                Run r = measure(wgs, peerDir, script, input, work.resolve("peer.f64"));
                measured.add(r);
                System.out.printf(Locale.ROOT, "run %d: ours fwd %,.0f/s inv %,.0f/s round trip %,.0f/s, max error %.2e m, p99 %.2e m;"
                                + " BD-09 fwd %,.0f/s inv %,.0f/s max error %.2e m%n",
                        run, r.forward(), r.inverse(), r.roundTrip(), r.maxError(), r.p99Error(), r.bdForward(), r.bdInverse(), r.bdMaxError());
                if (peerDir != null) {
                    System.out.printf(Locale.ROOT, "       gcoord " + peerVersion + " fwd %,.0f/s inv %,.0f/s BD-09 fwd %,.0f/s inv %,.0f/s;"
                                    + " largest difference to ours: fwd %.2e m, inv %.2e m, BD-09 fwd %.2e m, inv %.2e m%n",
                            r.peerForward(), r.peerInverse(), r.peerBdForward(), r.peerBdInverse(),
                            r.peerForwardDiff(), r.peerInverseDiff(), r.peerBdForwardDiff(), r.peerBdInverseDiff());
                }
            }
            printSummary(measured, peerDir != null);
            // the heap holds the points, two arrays of result Coordinates and the peer's results
            System.out.printf(Locale.ROOT, "peak heap %d MB; load at the end %s%n", BenchStats.peakHeapMb(), BenchStats.loadAverage());
            return 0;
        } finally {
            try (var files = Files.list(work)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private static double[] randomPointsInChina(int n, long seed) {
        Random random = new Random(seed);
        Envelope bounds = ChinaOutline.bounds();
        double[] xy = new double[2 * n];
        int k = 0;
        while (k < n) {
            double lon = bounds.getMinX() + random.nextDouble() * bounds.getWidth();
            double lat = bounds.getMinY() + random.nextDouble() * bounds.getHeight();
            if (ChinaOutline.contains(lon, lat)) {
                xy[2 * k] = lon;
                xy[2 * k + 1] = lat;
                k++;
            }
        }
        return xy;
    }

    private static Run measure(double[] wgs, Path peerDir, Path script, Path input, Path output) throws IOException, InterruptedException {
        Run ours = measureOurs(wgs);
        if (peerDir == null) {
            return ours;
        }
        int n = wgs.length / 2;
        MeasuredProcess peer = MeasuredProcess.run(List.of("node", script.toString(), input.toString(), output.toString()),
                Map.of("NODE_PATH", peerDir.resolve("node_modules").toString()));
        Map<String, String> times = parseJson(peer.output().strip().lines().reduce((a, b) -> b).orElse(""));
        peerVersion = times.getOrDefault("version", "?");
        double[] theirs = readDoubles(output, n * 8);
        double forwardDiff = 0;
        double inverseDiff = 0;
        double bdForwardDiff = 0;
        double bdInverseDiff = 0;
        for (int i = 0; i < n; i++) {
            Coordinate p = new Coordinate(wgs[2 * i], wgs[2 * i + 1]);
            Coordinate gcj = Gcj02.INSTANCE.fromWgs84(p);
            Coordinate bd = Bd09.INSTANCE.fromWgs84(p);
            forwardDiff = Math.max(forwardDiff, metres(gcj.x, gcj.y, theirs[8 * i], theirs[8 * i + 1]));
            bdForwardDiff = Math.max(bdForwardDiff, metres(bd.x, bd.y, theirs[8 * i + 4], theirs[8 * i + 5]));
            // the inverses of the same (our) offset positions, so that only the inverses differ
            Coordinate back = Gcj02.INSTANCE.toWgs84(new Coordinate(theirs[8 * i], theirs[8 * i + 1]));
            inverseDiff = Math.max(inverseDiff, metres(back.x, back.y, theirs[8 * i + 2], theirs[8 * i + 3]));
            Coordinate bdBack = Bd09.INSTANCE.toWgs84(new Coordinate(theirs[8 * i + 4], theirs[8 * i + 5]));
            bdInverseDiff = Math.max(bdInverseDiff, metres(bdBack.x, bdBack.y, theirs[8 * i + 6], theirs[8 * i + 7]));
        }
        return new Run(ours.forward(), ours.inverse(), ours.roundTrip(), ours.maxError(), ours.p99Error(),
                ours.bdForward(), ours.bdInverse(), ours.bdMaxError(),
                rate(n, times.get("forward")), rate(n, times.get("inverse")), rate(n, times.get("bdForward")), rate(n, times.get("bdInverse")),
                forwardDiff, inverseDiff, bdForwardDiff, bdInverseDiff);
    }

    private static Run measureOurs(double[] wgs) {
        int n = wgs.length / 2;
        CoordinateSystem gcj02 = Gcj02.INSTANCE;
        CoordinateSystem bd09 = Bd09.INSTANCE;
        Coordinate[] offset = new Coordinate[n];
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            offset[i] = gcj02.fromWgs84(new Coordinate(wgs[2 * i], wgs[2 * i + 1]));
        }
        long t1 = System.nanoTime();
        Coordinate[] back = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            back[i] = gcj02.toWgs84(offset[i]);
        }
        long t2 = System.nanoTime();
        double sink = 0;
        for (int i = 0; i < n; i++) {
            sink += gcj02.toWgs84(gcj02.fromWgs84(new Coordinate(wgs[2 * i], wgs[2 * i + 1]))).x;
        }
        long t3 = System.nanoTime();
        double[] errors = new double[n];
        for (int i = 0; i < n; i++) {
            errors[i] = metres(wgs[2 * i], wgs[2 * i + 1], back[i].x, back[i].y);
        }
        Arrays.sort(errors);
        long t4 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            offset[i] = bd09.fromWgs84(new Coordinate(wgs[2 * i], wgs[2 * i + 1]));
        }
        long t5 = System.nanoTime();
        double bdMax = 0;
        for (int i = 0; i < n; i++) {
            back[i] = bd09.toWgs84(offset[i]);
        }
        long t6 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            bdMax = Math.max(bdMax, metres(wgs[2 * i], wgs[2 * i + 1], back[i].x, back[i].y));
        }
        if (sink == 42) {
            System.out.print(""); // keeps the round-trip loop from being optimised away
        }
        return new Run(n / seconds(t0, t1), n / seconds(t1, t2), n / seconds(t2, t3), errors[n - 1],
                errors[Math.min(n - 1, (int) Math.ceil(0.99 * n) - 1)], n / seconds(t4, t5), n / seconds(t5, t6), bdMax,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private static void printSummary(List<Run> runs, boolean peer) {
        System.out.println();
        System.out.println("| measure | median | range (min–max) |");
        System.out.println("| --- | ---: | --- |");
        row(runs, "ours GCJ-02 forward, points/s", Run::forward, "%,.0f");
        row(runs, "ours GCJ-02 inverse, points/s", Run::inverse, "%,.0f");
        row(runs, "ours GCJ-02 round trip, points/s", Run::roundTrip, "%,.0f");
        row(runs, "ours GCJ-02 round-trip error max, m", Run::maxError, "%.2e");
        row(runs, "ours GCJ-02 round-trip error p99, m", Run::p99Error, "%.2e");
        row(runs, "ours BD-09 forward, points/s", Run::bdForward, "%,.0f");
        row(runs, "ours BD-09 inverse, points/s", Run::bdInverse, "%,.0f");
        row(runs, "ours BD-09 round-trip error max, m", Run::bdMaxError, "%.2e");
        if (peer) {
            row(runs, "gcoord GCJ-02 forward, points/s", Run::peerForward, "%,.0f");
            row(runs, "gcoord GCJ-02 inverse, points/s", Run::peerInverse, "%,.0f");
            row(runs, "gcoord BD-09 forward, points/s", Run::peerBdForward, "%,.0f");
            row(runs, "gcoord BD-09 inverse, points/s", Run::peerBdInverse, "%,.0f");
            row(runs, "gcoord vs ours GCJ-02 forward, max m", Run::peerForwardDiff, "%.2e");
            row(runs, "gcoord vs ours GCJ-02 inverse, max m", Run::peerInverseDiff, "%.2e");
            row(runs, "gcoord vs ours BD-09 forward, max m", Run::peerBdForwardDiff, "%.2e");
            row(runs, "gcoord vs ours BD-09 inverse, max m", Run::peerBdInverseDiff, "%.2e");
        }
    }

    private static void row(List<Run> runs, String label, java.util.function.ToDoubleFunction<Run> value, String format) {
        double[] values = runs.stream().mapToDouble(value).toArray();
        double min = Arrays.stream(values).min().orElse(Double.NaN);
        double max = Arrays.stream(values).max().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "| %s | " + format + " | " + format + " – " + format + " |%n",
                label, BenchStats.median(values), min, max);
    }

    private static double metres(double lon1, double lat1, double lon2, double lat2) {
        double dx = (lon2 - lon1) * Math.cos(Math.toRadians(lat1));
        return Math.hypot(dx, lat2 - lat1) * 111_320.0;
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private static double rate(int n, String milliseconds) {
        if (milliseconds == null) {
            throw new IllegalStateException("gcoord peer printed no timings");
        }
        return n / (Double.parseDouble(milliseconds) / 1000.0);
    }

    private static Map<String, String> parseJson(String line) {
        Map<String, String> values = new java.util.HashMap<>();
        Matcher m = NUMBER.matcher(line);
        while (m.find()) {
            values.put(m.group(1), m.group(2).replace("\"", ""));
        }
        return values;
    }

    private static void writeDoubles(Path file, double[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asDoubleBuffer().put(values);
        Files.write(file, buffer.array());
    }

    private static double[] readDoubles(Path file, int count) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[count];
        buffer.asDoubleBuffer().get(values);
        return values;
    }
}
