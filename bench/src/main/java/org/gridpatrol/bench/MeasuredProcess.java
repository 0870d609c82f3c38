package org.gridpatrol.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a command under GNU time ({@code /usr/bin/time}, Debian package {@code time}) and returns its
 * wall time, its CPU time (user + system, of the command and the children it waited for), the peak
 * resident memory of the largest process in its tree, and its output.
 */
record MeasuredProcess(double seconds, double cpuSeconds, long maxRssKb, String output) {

    static MeasuredProcess run(List<String> command, Map<String, String> environment) {
        try {
            Path report = Files.createTempFile("gridpatrol-time", ".txt");
            List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-o", report.toString(), "-f", "%e %U %S %M"));
            full.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            String[] measured = Files.readString(report).trim().split("\\s+");
            Files.delete(report);
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + exit + "): " + output);
            }
            int n = measured.length;
            return new MeasuredProcess(Double.parseDouble(measured[n - 4]),
                    Double.parseDouble(measured[n - 3]) + Double.parseDouble(measured[n - 2]), Long.parseLong(measured[n - 1]), output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + " under /usr/bin/time: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
