package org.gridpatrol.bench.crash;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a soak saw: per kill the operation aimed at, the operations in flight at the SIGKILL, the
 * JVM's exit status, the seconds until the restarted application was healthy and the failures
 * found after it; and the 5xx answers before kills. {@link #summary()} is what {@code bench crash} prints.
 */
final class CrashSoakResult {

    record Kill(int number, Operation aimedAt, Set<Operation> inFlight, long delayMillis, int exitStatus, double restartSeconds,
                double checkSeconds, List<String> failures) {
    }

    private final List<Kill> kills = new ArrayList<>();
    private final List<String> baselineFailures = new ArrayList<>();
    private int serverErrors;
    private final List<String> errorSamples = new ArrayList<>();
    private double firstStartSeconds;

    void firstStart(double seconds, List<String> failures) {
        firstStartSeconds = seconds;
        baselineFailures.addAll(failures);
    }

    void add(Kill kill) {
        kills.add(kill);
    }

    void workload(int errors, List<String> samples) {
        serverErrors += errors;
        samples.stream().limit(Math.max(0, 10 - errorSamples.size())).forEach(errorSamples::add);
    }

    List<Kill> kills() {
        return List.copyOf(kills);
    }

    /** Every failure: before the first kill and after each restart. */
    List<String> failures() {
        List<String> all = new ArrayList<>(baselineFailures.stream().map(f -> "before the first kill: " + f).toList());
        kills.forEach(k -> k.failures().forEach(f -> all.add("after kill " + k.number() + ": " + f)));
        return all;
    }

    int serverErrors() {
        return serverErrors;
    }

    List<String> errorSamples() {
        return List.copyOf(errorSamples);
    }

    double[] restartSeconds() {
        return kills.stream().mapToDouble(Kill::restartSeconds).sorted().toArray();
    }

    String summary() {
        StringBuilder out = new StringBuilder();
        Map<Operation, Integer> aimed = new EnumMap<>(Operation.class);
        Map<Operation, Integer> during = new EnumMap<>(Operation.class);
        int idle = 0;
        for (Kill k : kills) {
            aimed.merge(k.aimedAt(), 1, Integer::sum);
            k.inFlight().forEach(op -> during.merge(op, 1, Integer::sum));
            idle += k.inFlight().isEmpty() ? 1 : 0;
        }
        out.append(String.format(Locale.ROOT, "kills: %d (first start %.1f s)%n", kills.size(), firstStartSeconds));
        for (Operation op : Operation.values()) {
            out.append(String.format(Locale.ROOT, "  %-15s aimed at %3d, in flight at %3d kills%n", op.label(),
                    aimed.getOrDefault(op, 0), during.getOrDefault(op, 0)));
        }
        out.append("  nothing in flight at ").append(idle).append(" kills\n");
        long sigkills = kills.stream().filter(k -> k.exitStatus() == 137).count();
        out.append("  JVM exit status 137 (SIGKILL) at ").append(sigkills).append(" of ").append(kills.size()).append(" kills\n");
        double[] restarts = restartSeconds();
        double[] checks = kills.stream().mapToDouble(Kill::checkSeconds).sorted().toArray();
        if (restarts.length > 0) {
            out.append(String.format(Locale.ROOT, "restart to health UP: median %.1f s, min %.1f s, max %.1f s; checks median %.1f s%n",
                    median(restarts), restarts[0], restarts[restarts.length - 1], median(checks)));
        }
        out.append("5xx answers before the kills: ").append(serverErrors).append('\n');
        errorSamples.forEach(e -> out.append("  ").append(e).append('\n'));
        List<String> failures = failures();
        out.append("invariant failures: ").append(failures.size()).append('\n');
        failures.forEach(f -> out.append("  ").append(f).append('\n'));
        return out.toString();
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
