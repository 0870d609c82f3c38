package org.gridpatrol.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What every benchmark prints beside its times: peak JVM heap, a process's peak resident memory,
 * the machine's load average, and the median or a percentile of the measured values.
 */
final class BenchStats {

    private BenchStats() {
    }

    /** Peak JVM heap in MB: the sum of the heap pools' peaks. */
    static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    /** Heap in use now, in MB (after {@code System.gc()}: what is still referenced). */
    static long usedHeapMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    /** Starts the heap pools' peaks afresh, so that {@link #peakHeapMb} measures from here on. */
    static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Peak resident memory (VmHWM) of this process in kB, native memory included; -1 when unreadable (not Linux). */
    static long peakResidentKb() {
        return peakResidentKb(Path.of("/proc/self/status"));
    }

    /** Peak resident memory of another process (e.g. a PostgreSQL backend) in kB; -1 when unreadable. */
    static long peakResidentKb(long pid) {
        return peakResidentKb(Path.of("/proc", String.valueOf(pid), "status"));
    }

    private static long peakResidentKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception unreadable) {
            return -1;
        }
        return -1;
    }

    /** The 1, 5 and 15 minute load averages (and run queue) as /proc/loadavg gives them, or "?". */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception unreadable) {
            return "?";
        }
    }

    /** The middle value (the upper one of an even count). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The nearest-rank percentile {@code p} (1–100). */
    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
