package org.gridpatrol.routing.solve;

import java.util.Objects;

/**
 * A {@link TravelMatrix} held in two square arrays (copied on construction). Rejects ragged or
 * negative input; {@link TravelMatrix#UNREACHABLE} marks a pair with no route and must then appear in
 * both arrays.
 */
public final class ArrayTravelMatrix implements TravelMatrix {

    private final long[][] seconds;
    private final long[][] meters;

    public ArrayTravelMatrix(long[][] seconds, long[][] meters) {
        Objects.requireNonNull(seconds, "seconds");
        Objects.requireNonNull(meters, "meters");
        int n = seconds.length;
        if (meters.length != n) {
            throw new IllegalArgumentException("seconds has " + n + " rows but meters has " + meters.length);
        }
        this.seconds = new long[n][];
        this.meters = new long[n][];
        for (int i = 0; i < n; i++) {
            if (seconds[i].length != n || meters[i].length != n) {
                throw new IllegalArgumentException("row " + i + " is not of length " + n);
            }
            for (int j = 0; j < n; j++) {
                long s = seconds[i][j];
                long m = meters[i][j];
                if (s < 0 || m < 0) {
                    throw new IllegalArgumentException("negative cost from " + i + " to " + j);
                }
                if ((s == UNREACHABLE) != (m == UNREACHABLE)) {
                    throw new IllegalArgumentException("from " + i + " to " + j
                            + " is unreachable in one array only");
                }
            }
            this.seconds[i] = seconds[i].clone();
            this.meters[i] = meters[i].clone();
        }
    }

    /** A matrix whose meters equal its seconds (handy for tests and pure-TSP benchmarks). */
    public static ArrayTravelMatrix ofSeconds(long[][] seconds) {
        return new ArrayTravelMatrix(seconds, seconds);
    }

    @Override
    public int size() {
        return seconds.length;
    }

    @Override
    public long seconds(int from, int to) {
        return seconds[from][to];
    }

    @Override
    public long meters(int from, int to) {
        return meters[from][to];
    }
}
