package org.gridpatrol.bench.crash;

import org.gridpatrol.data.consistency.ConsistencyCheck;
import org.gridpatrol.data.consistency.ConsistencyReport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * {@code ./gridpatrol bench crash [--kills 50] [--seed 1] [--data-dir DIR] [--jar FILE] [--import-rows 3000]}:
 * the crash soak of issue 19. Starts the application jar on its own data folder (the demo is built
 * there on the first start), then per kill: starts the traffic of {@link Workload}; picks the
 * operation to kill in (the four in turn, in a seeded order per four kills), waits until one of those
 * starts and then a seeded random part of that operation's median duration so far; SIGKILLs the JVM;
 * restarts it (timed to health UP) and runs {@link RoundCheck}. The same seed aims the same kills;
 * what is in flight at the moment still depends on the machine. Exit status 1 when any check failed.
 */
public final class CrashSoak {

    private static final Duration FIRST_START = Duration.ofMinutes(10);
    private static final Duration RESTART = Duration.ofMinutes(3);
    private static final long AIM_TIMEOUT_MILLIS = 60_000;

    private final CrashSoakOptions options;
    private final PrintStream out;

    CrashSoak(CrashSoakOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** The command: runs the soak with the options given and prints its summary. */
    public static int run(List<String> arguments) throws Exception {
        CrashSoakOptions options = CrashSoakOptions.parse(arguments);
        System.out.printf(Locale.ROOT, "crash soak: %d kills, seed %d, data folder %s, jar %s, %d rows per import; %d cores, load %s%n",
                options.kills(), options.seed(), options.dataDir(), options.jar(), options.importRows(),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        long t0 = System.nanoTime();
        CrashSoakResult result = new CrashSoak(options, System.out).soak();
        System.out.println();
        System.out.print(result.summary());
        System.out.printf(Locale.ROOT, "soak took %.1f min; load at the end %s%n", (System.nanoTime() - t0) / 60e9, loadAverage());
        return result.failures().isEmpty() ? 0 : 1;
    }

    CrashSoakResult soak() throws Exception {
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        ApplicationProcess app = new ApplicationProcess(options.jar(), options.home(), options.dataDir(), options.areaArguments(), password);
        CrashSoakResult result = new CrashSoakResult();
        Random random = new Random(options.seed());
        try {
            app.stopLeftoverDatabase();
            double first = app.start(FIRST_START);
            ApiClient api = ApiClient.withNewToken(app.base(), "admin", password);
            Townships townships = Townships.read(app.database());
            // topology of the townships the traffic works on: only their grids change (the others' would cost time per kill)
            ConsistencyReport baseline = ConsistencyCheck.inPostgis(app.database().dataSource())
                    .check(townships.all().stream().map(Townships.Township::id).toList());
            result.firstStart(first, baseline.violations());
            out.printf(Locale.ROOT, "first start healthy after %.1f s; %d townships with grids; consistent before the first kill: %s%n",
                    first, townships.all().size(), baseline.consistent() ? "yes" : baseline.violations());
            Ledger ledger = new Ledger();
            InFlight inFlight = new InFlight();
            List<Operation> aims = new ArrayList<>();
            String run = "CRASH" + options.seed() + "x" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
            for (int kill = 1; kill <= options.kills(); kill++) {
                if (aims.isEmpty()) {
                    aims.addAll(List.of(Operation.values()));
                    Collections.shuffle(aims, random);
                }
                Operation aim = aims.remove(0);
                double fraction = random.nextDouble();
                Workload workload = new Workload(api, townships, ledger, inFlight, options.seed() * 1_000 + kill,
                        options.importRows(), run + "-" + kill);
                workload.start();
                boolean started = inFlight.awaitStart(aim, AIM_TIMEOUT_MILLIS);
                long delay = (long) (fraction * inFlight.typicalMillis(aim));
                Thread.sleep(delay);
                Set<Operation> running = inFlight.running();
                int exit = app.kill();
                workload.stop();
                inFlight.reset();
                result.workload(workload.serverErrors(), workload.errorSamples());
                double restart = app.start(RESTART);
                api = api.at(app.base());
                long c0 = System.nanoTime();
                List<String> failures = RoundCheck.failures(app.database(), ledger, baseline);
                double checkSeconds = (System.nanoTime() - c0) / 1e9;
                result.add(new CrashSoakResult.Kill(kill, aim, running, delay, exit, restart, checkSeconds, failures));
                out.printf(Locale.ROOT, "kill %3d aimed at %-15s %s+%5d ms, in flight %s, exit %d; healthy again after %5.1f s; "
                                + "checks %.1f s: %s%n", kill, aim.label(), started ? "" : "(never started) ", delay,
                        running.stream().map(Operation::label).toList(), exit, restart, checkSeconds,
                        failures.isEmpty() ? "ok" : failures);
            }
        } finally {
            app.stop();
            app.stopLeftoverDatabase();
        }
        out.println("application log: " + app.log() + "; data folder " + options.dataDir());
        return result;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
