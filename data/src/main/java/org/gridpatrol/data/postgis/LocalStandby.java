package org.gridpatrol.data.postgis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A streaming standby of a {@link LocalPostgis}, for tests and {@code ./gridpatrol bench cluster}:
 * PostgreSQL's own replication, copied with {@code pg_basebackup -R} (which writes the connection to
 * the primary and {@code standby.signal}) and started on its own port on 127.0.0.1. It serves
 * read-only queries while it replays the primary's WAL; {@link #promote()} turns it into a primary.
 * Like the local cluster, it runs with {@code fsync=off}: never for data of record. Runs the server
 * programs as the {@code postgres} OS user when started as root, as the local cluster does.
 */
public final class LocalStandby implements AutoCloseable {

    private static final String SUPERUSER = "postgres";

    private final Path folder;
    private final Path binDir;
    private final DatabaseTarget target;
    private final boolean asPostgresUser;
    private boolean running;

    private LocalStandby(Path folder, Path binDir, DatabaseTarget target, boolean asPostgresUser) {
        this.folder = folder;
        this.binDir = binDir;
        this.target = target;
        this.asPostgresUser = asPostgresUser;
    }

    /** Copies the running primary into {@code folder/pgdata} and starts it as a streaming standby. */
    public static LocalStandby of(LocalPostgis primary, Path folder) {
        try {
            Files.createDirectories(folder);
            boolean root = "root".equals(System.getProperty("user.name"));
            int port = freePort();
            DatabaseTarget source = primary.target();
            String database = source.database();
            DatabaseTarget target = new DatabaseTarget("jdbc:postgresql://127.0.0.1:" + port + "/" + database,
                    source.user(), source.password());
            LocalStandby standby = new LocalStandby(folder.toAbsolutePath(), primary.binDir(), target, root);
            if (root) {
                standby.run(List.of("chown", "-R", SUPERUSER + ":", standby.folder.toString()), false);
            }
            standby.run(List.of(standby.binDir.resolve("pg_basebackup").toString(), "-h", "127.0.0.1",
                    "-p", String.valueOf(source.port()), "-U", source.user(), "-D", standby.dataDir().toString(),
                    "-R", "-X", "stream", "-c", "fast"), true);
            standby.start(port);
            return standby;
        } catch (IOException e) {
            throw new LocalPostgisException("cannot make a standby in " + folder + ": " + e.getMessage(), e);
        }
    }

    public DatabaseTarget target() {
        return target;
    }

    /** Ends recovery: the standby becomes a primary that takes writes ({@code pg_ctl promote -w}). */
    public void promote() {
        run(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir().toString(), "-w", "-t", "60", "promote"), true);
    }

    /** Whether it still replays a primary's WAL ({@code pg_is_in_recovery()}). */
    public boolean inRecovery() {
        try (Connection c = target.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new LocalPostgisException("cannot ask the standby whether it is in recovery: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (running) {
            running = false;
            run(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir().toString(), "-m", "fast", "-w", "stop"), true);
        }
    }

    private Path dataDir() {
        return folder.resolve("pgdata");
    }

    private void start(int port) {
        String options = String.join(" ", "-p", String.valueOf(port), "-k", "''",
                "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off", "-c", "max_connections=60", "-c", "shared_buffers=64MB", "-c", "hot_standby=on");
        run(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir().toString(), "-l",
                folder.resolve("postgres.log").toString(), "-w", "-t", "60", "-o", options, "start"), true);
        running = true;
    }

    private void run(List<String> command, boolean asServerUser) {
        List<String> full = new ArrayList<>();
        if (asServerUser && asPostgresUser) {
            full.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
        }
        full.addAll(command);
        try {
            ProcessBuilder builder = new ProcessBuilder(full).directory(folder.toFile()).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", target.password()); // pg_basebackup's login; never on the command line
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LocalPostgisException(String.join(" ", command) + " did not finish within 120 s");
            }
            if (process.exitValue() != 0) {
                throw new LocalPostgisException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + output.strip());
            }
        } catch (IOException e) {
            throw new LocalPostgisException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalPostgisException("interrupted while running " + command.get(0), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
