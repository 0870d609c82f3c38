package org.gridpatrol.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load balancer and its clients in one, for {@code bench cluster}: {@code clients} threads send
 * GETs with one session cookie, each to the next instance in turn; a request that finds its
 * instance gone (connection refused or reset, a time-out) is sent again to the next one, up to once
 * per instance, as a load balancer's retry on another upstream does. A request is lost only when no
 * instance answered it. Answers of 5xx are counted apart: the instance was there, its database not.
 */
final class RoundRobinClient {

    /** What the clients saw. */
    record Counts(long requests, long ok, long retried, long lost, long serverErrors, double p50Ms, double p99Ms) {
    }

    private final List<String> bases;
    private final List<String> paths;
    private final String cookie;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());

    RoundRobinClient(List<String> bases, List<String> paths, String cookie) {
        this.bases = List.copyOf(bases);
        this.paths = List.copyOf(paths);
        this.cookie = cookie;
    }

    /** Runs {@code clients} threads until {@code running} turns false. */
    ExecutorService start(int clients, AtomicBoolean running) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (running.get()) {
                    long n = next.getAndIncrement();
                    send(paths.get((int) (n % paths.size())), (int) (n % bases.size()));
                }
                return null;
            });
        }
        pool.shutdown();
        return pool;
    }

    private void send(String path, int first) throws InterruptedException {
        requests.incrementAndGet();
        long start = System.nanoTime();
        for (int attempt = 0; attempt < bases.size(); attempt++) {
            String base = bases.get((first + attempt) % bases.size());
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(10)).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() >= 500) {
                    serverErrors.incrementAndGet();
                } else {
                    ok.incrementAndGet();
                }
                latencies.add((System.nanoTime() - start) / 1e6);
                return;
            } catch (IOException instanceGone) {
                retried.incrementAndGet();
            }
        }
        lost.incrementAndGet();
    }

    Counts counts() {
        List<Double> copy;
        synchronized (latencies) {
            copy = new ArrayList<>(latencies);
        }
        return new Counts(requests.get(), ok.get(), retried.get(), lost.get(), serverErrors.get(),
                copy.isEmpty() ? 0 : BenchStats.percentile(copy, 50), copy.isEmpty() ? 0 : BenchStats.percentile(copy, 99));
    }

    static void await(ExecutorService pool) throws InterruptedException {
        if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }
}
