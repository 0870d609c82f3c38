package org.gridpatrol.data.backup;

import org.gridpatrol.data.postgis.DatabaseTarget;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one PostgreSQL client program (pg_dump, pg_restore) from a given bin folder against a
 * database, the password passed in the environment (never on the command line, where {@code ps}
 * would show it). Fails with a {@link BackupException} holding the tool's first error line.
 */
final class PgTool {

    private static final long TIMEOUT_HOURS = 6;

    private final Path binDir;

    PgTool(Path binDir) {
        this.binDir = binDir;
    }

    /** Runs {@code program} with the connection options of {@code target} followed by {@code arguments}. */
    String run(String program, DatabaseTarget target, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(binDir.resolve(program).toString(),
                "--host=" + target.host(), "--port=" + target.port(), "--username=" + target.user(),
                "--dbname=" + target.database(), "--no-password"));
        command.addAll(arguments);
        return execute(command, target.password());
    }

    /** Runs {@code program} with no database (e.g. {@code pg_restore --list FILE}). */
    String runOffline(String program, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(binDir.resolve(program).toString()));
        command.addAll(arguments);
        return execute(command, null);
    }

    private String execute(List<String> command, String password) {
        if (!Files.isExecutable(Path.of(command.get(0)))) {
            throw new BackupException(command.get(0) + " is not installed; install the PostgreSQL client of the server's version");
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        if (password != null) {
            builder.environment().put("PGPASSWORD", password);
        }
        builder.environment().put("PGCONNECT_TIMEOUT", "10");
        try {
            Path errors = Files.createTempFile("gridpatrol-pgtool", ".log");
            try {
                Process process = builder.redirectError(errors.toFile()).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(TIMEOUT_HOURS, TimeUnit.HOURS)) {
                    process.destroyForcibly();
                    throw new BackupException(command.get(0) + " did not finish within " + TIMEOUT_HOURS + " h");
                }
                if (process.exitValue() != 0) {
                    throw new BackupException(Path.of(command.get(0)).getFileName() + " failed: "
                            + firstError(Files.readString(errors, StandardCharsets.UTF_8)));
                }
                return output;
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new BackupException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException("interrupted while running " + command.get(0), e);
        }
    }

    private static String firstError(String stderr) {
        return stderr.lines().filter(l -> l.contains("error") || l.contains("ERROR") || l.contains("FATAL"))
                .findFirst().or(() -> stderr.lines().filter(l -> !l.isBlank()).findFirst())
                .map(String::strip).orElse("no message");
    }
}
