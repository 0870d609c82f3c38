package org.gridpatrol.web;

import org.gridpatrol.data.backup.BackupException;
import org.gridpatrol.data.backup.BackupReport;
import org.gridpatrol.data.backup.DatabaseBackup;
import org.gridpatrol.data.backup.RestoreReport;
import org.gridpatrol.web.database.DatabaseServer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * {@code ./gridpatrol backup FILE} and {@code ./gridpatrol restore FILE}: the whole database (the
 * data folder's local cluster, started for the command and stopped after, unless {@code --db}) to
 * and from one {@code pg_dump -Fc} archive, with {@link DatabaseBackup}; no Spring context. A user
 * mistake (no such file, not an archive, a file or a database with data that {@code --force} would
 * overwrite) is one sentence on stderr and exit code 2; other failures exit 3; the database is
 * unchanged after either.
 */
final class BackupCommand {

    static final int OK = 0;
    static final int USER_MISTAKE = 2;
    static final int FAILED = 3;

    private BackupCommand() {
    }

    static int run(LauncherCommand command) {
        return run(command, System.out, System.err, System::getenv);
    }

    /** @param environment the environment variables ({@code GRIDPATROL_DB_USER}, {@code GRIDPATROL_DB_PASSWORD}) */
    static int run(LauncherCommand command, PrintStream out, PrintStream err, UnaryOperator<String> environment) {
        Path file = Path.of(command.arguments().get(0)).toAbsolutePath();
        boolean restore = command.name().equals("restore");
        boolean force = command.options().containsKey("--force");
        // checked before a cluster is started for nothing; DatabaseBackup checks again
        if (restore && !Files.isRegularFile(file)) {
            err.println("gridpatrol: " + file + " does not exist or is not a file.");
            return USER_MISTAKE;
        }
        if (!restore && Files.exists(file) && !force) {
            err.println("gridpatrol: " + file + " already exists; give another name or add --force to overwrite it.");
            return USER_MISTAKE;
        }
        Path dataDir = Path.of(command.options().getOrDefault("--data-dir", ".gridpatrol")).toAbsolutePath();
        if (org.slf4j.LoggerFactory.getLogger("org.flywaydb") instanceof ch.qos.logback.classic.Logger flyway) {
            flyway.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        try (DatabaseServer server = DatabaseServer.open(command.options().get("--db"),
                environment.apply("GRIDPATROL_DB_USER"), environment.apply("GRIDPATROL_DB_PASSWORD"), dataDir)) {
            DatabaseBackup backup = new DatabaseBackup(server.target(), server.clientBinDir());
            if (restore) {
                RestoreReport report = backup.restore(file, force);
                out.printf(Locale.ROOT, "Restored %s in %.1f s: %d tables with rows, %d schema migrations applied.%n",
                        file.getFileName(), report.seconds(), report.tables(), report.migrationsApplied());
            } else {
                BackupReport report = backup.backup(file, force);
                out.printf(Locale.ROOT, "Backed up the database to %s in %.1f s (%,d bytes).%n",
                        report.file(), report.seconds(), report.bytes());
            }
            return OK;
        } catch (BackupException e) {
            err.println("gridpatrol: " + e.getMessage() + ".");
            return USER_MISTAKE;
        } catch (RuntimeException e) {
            String what = restore ? "the restore failed, the database was not changed: " : "the backup failed: ";
            err.println(UserMistake.of(e).map(UserMistake::sentence).orElse("gridpatrol: " + what + e.getMessage()));
            return UserMistake.of(e).isPresent() ? USER_MISTAKE : FAILED;
        }
    }
}
