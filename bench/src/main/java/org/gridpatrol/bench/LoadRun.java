package org.gridpatrol.bench;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * One load run against a server on loopback: {@code clients} tile clients in a closed loop (each on its
 * own kept-alive connection, one map view of {@link MapViews} after the other, no pause: a tile is asked
 * for as soon as the last one arrived) and, beside them, patrol routes arriving open-loop at
 * {@code routesPerSecond} ({@code POST /api/patrol/routes}, one every 1/rate s whether or not the earlier
 * ones have been answered, each on a connection of its own from a pool; a route's latency is counted
 * from the moment it was due, so a late client does not hide the server's queue). The first
 * {@code warmupSeconds} are run but not counted (JIT, connection set-up); then {@code seconds} are
 * measured. Every answer but 200/204 (tiles) and 201 (routes), and every I/O failure or timeout (30 s),
 * is an error.
 */
final class LoadRun {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final int port;
    private final LoadCredential credential;
    private final MapViews views;
    private final List<byte[]> routeBodies;
    /** Answers of the warm-up and the window together (what the server's CPU and database counts cover). */
    private final LongAdder tilesAnswered = new LongAdder();
    private final LongAdder routesAnswered = new LongAdder();

    LoadRun(int port, LoadCredential credential, MapViews views, List<String> routeBodies) {
        this.port = port;
        this.credential = credential;
        this.views = views;
        this.routeBodies = routeBodies.stream().map(b -> b.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /**
     * What was measured: latencies in ms (tiles split by whether this run asked for the URL the first time,
     * i.e. the server built it from PostGIS unless an earlier run had), errors by kind, the measured seconds;
     * and the answers of warm-up and window together.
     */
    record Result(List<Double> tiles, List<Double> firstTiles, List<Double> routes, List<Double> routeLateness,
                  Map<String, Long> errors, double seconds, long routesDue, long tilesAll, long routesAll) {

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    Result run(int clients, double routesPerSecond, int warmupSeconds, int seconds, long seed) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        List<List<double[]>> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            List<double[]> mine = new ArrayList<>();
            perClient.add(mine);
            Random random = new Random(seed * 1_000_003L + i);
            Thread t = new Thread(() -> tileClient(random, measureFrom, end, seen, mine, errors), "tile-client-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);

        ConcurrentLinkedQueue<Double> routeTimes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> lateness = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<PlainHttpClient> connections = new ConcurrentLinkedQueue<>();
        ExecutorService senders = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "route-client");
            t.setDaemon(true);
            return t;
        });
        long periodNanos = (long) (1e9 / routesPerSecond);
        AtomicLong due = new AtomicLong();
        Random routeChoice = new Random(seed);
        // The arrival schedule is the clock thread's own: it starts when that thread starts (not at `start`:
        // starting 200 tile clients takes from 0.3 s to over 1 s on a busy machine), and a tick the thread
        // reaches late is sent at once and counted from when it was due, so a stall of the client is caught
        // up and counted, never carried into every later route (a fixed-rate executor scheduled 0.5 s after
        // the origin was taken had added 0.5 s to each route of one run).
        Thread clock = new Thread(() -> {
            long origin = System.nanoTime();
            for (long k = 0; ; k++) {
                long dueAt = origin + k * periodNanos; // the arrival time, not when this thread got to run
                if (dueAt >= end) {
                    return;
                }
                for (long wait = dueAt - System.nanoTime(); wait > 0; wait = dueAt - System.nanoTime()) {
                    LockSupport.parkNanos(wait); // may return early: park again until due
                }
                boolean counted = dueAt >= measureFrom;
                if (counted) {
                    due.incrementAndGet();
                }
                byte[] body = routeBodies.get(routeChoice.nextInt(routeBodies.size()));
                senders.execute(() -> route(body, dueAt, counted, connections, routeTimes, lateness, errors));
            }
        }, "route-clock");
        clock.setDaemon(true);
        clock.start();

        for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()) + TIMEOUT_MILLIS + 5_000));
        }
        clock.join(5_000);
        senders.shutdown();
        if (!senders.awaitTermination(TIMEOUT_MILLIS + 5_000, TimeUnit.MILLISECONDS)) {
            errors.computeIfAbsent("route still unanswered at the end", k -> new LongAdder()).increment();
            senders.shutdownNow();
        }
        for (PlainHttpClient c : connections) {
            closeQuietly(c);
        }
        List<Double> tiles = new ArrayList<>();
        List<Double> firstTiles = new ArrayList<>();
        for (List<double[]> mine : perClient) {
            synchronized (mine) {
                for (double[] sample : mine) {
                    tiles.add(sample[0]);
                    if (sample[1] > 0) {
                        firstTiles.add(sample[0]);
                    }
                }
            }
        }
        Map<String, Long> errorCounts = new java.util.TreeMap<>();
        errors.forEach((kind, n) -> errorCounts.put(kind, n.sum()));
        return new Result(tiles, firstTiles, new ArrayList<>(routeTimes), new ArrayList<>(lateness), errorCounts, seconds, due.get(), tilesAnswered.sum(),
                routesAnswered.sum());
    }

    private void tileClient(Random random, long measureFrom, long end, Set<String> seen, List<double[]> samples,
                            Map<String, LongAdder> errors) {
        PlainHttpClient http = new PlainHttpClient("localhost", port);
        http.timeoutMillis(TIMEOUT_MILLIS);
        try {
            while (System.nanoTime() < end) {
                for (String path : views.next(random)) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        break;
                    }
                    boolean first = seen.add(path);
                    String failure = null;
                    try {
                        int status = http.send("GET", path, credential.readHeaders(), null);
                        tilesAnswered.increment();
                        if (status != 200 && status != 204) {
                            failure = "tile " + status;
                        }
                    } catch (IOException e) {
                        failure = "tile " + kind(e);
                        closeQuietly(http);
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom) {
                        if (failure != null) {
                            errors.computeIfAbsent(failure, k -> new LongAdder()).increment();
                        } else {
                            synchronized (samples) {
                                samples.add(new double[] {(t1 - t0) / 1e6, first ? 1 : 0});
                            }
                        }
                    }
                }
            }
        } finally {
            closeQuietly(http);
        }
    }

    private void route(byte[] body, long dueAt, boolean counted, ConcurrentLinkedQueue<PlainHttpClient> connections,
                       ConcurrentLinkedQueue<Double> times, ConcurrentLinkedQueue<Double> lateness, Map<String, LongAdder> errors) {
        double late = (System.nanoTime() - dueAt) / 1e6; // the client's own delay before sending, part of the route's time
        PlainHttpClient http = connections.poll();
        if (http == null) {
            http = new PlainHttpClient("localhost", port);
            http.timeoutMillis(TIMEOUT_MILLIS);
        }
        String failure = null;
        try {
            int status = http.send("POST", "/api/patrol/routes", credential.writeHeaders(), body);
            routesAnswered.increment();
            if (status != 201) {
                failure = "route " + status;
            }
        } catch (IOException e) {
            failure = "route " + kind(e);
            closeQuietly(http);
        }
        double ms = (System.nanoTime() - dueAt) / 1e6;
        connections.add(http);
        if (counted) {
            if (failure != null) {
                errors.computeIfAbsent(failure, k -> new LongAdder()).increment();
            } else {
                times.add(ms);
                lateness.add(late);
            }
        }
    }

    private static String kind(IOException e) {
        return e instanceof SocketTimeoutException ? "timeout" : e.getClass().getSimpleName();
    }

    private static void closeQuietly(PlainHttpClient http) {
        try {
            http.close();
        } catch (IOException ignored) {
            // closing a broken connection
        }
    }
}
