package org.gridpatrol.data.postgis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL + PostGIS cluster owned by this project, in a folder of its own: initialised on
 * first start ({@code initdb}), started with {@code pg_ctl}, listening on 127.0.0.1 only (no Unix socket), with a
 * generated password kept in the folder (mode 600). The demo and the tests use it so that no
 * administrator has to set up a database; real deployments point at their own PostGIS instead.
 *
 * <p>{@code initdb} refuses to run as root, so when this JVM runs as root the server binaries run
 * as the {@code postgres} OS user and the folder is handed to that user. Durability settings are
 * relaxed (fsync off): this cluster is for demos and tests, never for data of record.
 *
 * <p>One application at a time: a start claims the folder ({@link FolderOwnership}, an OS file lock the
 * JVM's end releases) and is refused with a clear message while another running application holds it.
 * Once claimed, a server still running in the folder can only be an orphan of a crash ({@code kill -9}
 * of the JVM leaves the server running): it is stopped and started again; a lock whose process is gone
 * is left to PostgreSQL, which clears it; a lock whose pid now belongs to another process is removed
 * (ADR 0033).
 */
public final class LocalPostgis implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPostgis.class);
    public static final String DATABASE = "gridpatrol";
    private static final String SUPERUSER = "postgres";

    private final Path folder;
    private final Path binDir;
    private final boolean asPostgresUser;
    private final int port;
    private final String password;
    private FolderOwnership ownership;
    private boolean running;

    private LocalPostgis(Path folder, Path binDir, int port, String password) {
        this.folder = folder;
        this.binDir = binDir;
        this.asPostgresUser = "root".equals(System.getProperty("user.name"));
        this.port = port;
        this.password = password;
    }

    /**
     * Starts the cluster in {@code folder} (creating it on first use) and makes sure the
     * {@value #DATABASE} database exists.
     *
     * @throws LocalPostgisException when PostgreSQL or PostGIS is not installed, another running application
     *                               uses the folder, or the server fails
     */
    public static LocalPostgis start(Path folder) {
        Path binDir = findBinDir();
        requirePostgis(binDir);
        FolderOwnership ownership = null;
        try {
            Files.createDirectories(folder);
            Path absolute = folder.toAbsolutePath().normalize();
            ownership = FolderOwnership.claim(absolute);
            String password = readOrCreatePassword(absolute.resolve("db-password"));
            LocalPostgis cluster = new LocalPostgis(absolute, binDir, freePort(), password);
            cluster.ownership = ownership;
            cluster.initialiseIfNeeded();
            cluster.recoverFromCrash();
            cluster.startServer();
            cluster.createDatabaseIfMissing();
            return cluster;
        } catch (IOException e) {
            release(ownership);
            throw new LocalPostgisException("cannot prepare the local PostGIS folder " + folder + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            release(ownership);
            throw e;
        }
    }

    private static void release(FolderOwnership ownership) {
        if (ownership != null) {
            ownership.close();
        }
    }

    /** The database of this cluster: {@code jdbc:postgresql://127.0.0.1:PORT/gridpatrol}. */
    public DatabaseTarget target() {
        return new DatabaseTarget("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, SUPERUSER, password);
    }

    public Path folder() {
        return folder;
    }

    /** The folder of this cluster's server binaries; its client tools (pg_dump, pg_restore) match the server's major. */
    public Path binDir() {
        return binDir;
    }

    /** The newest installed PostgreSQL's binaries (or {@code GRIDPATROL_PG_BIN}): the client tools for a database of record. */
    public static Path installedBinDir() {
        return findBinDir();
    }

    static Path findBinDir() {
        String configured = System.getenv("GRIDPATROL_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                return versions.map(v -> v.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                        .max(Comparator.comparingInt(LocalPostgis::majorVersion))
                        .orElseThrow(LocalPostgis::notInstalled);
            } catch (IOException e) {
                throw new LocalPostgisException("cannot list " + root, e);
            }
        }
        throw notInstalled();
    }

    private static int majorVersion(Path binDir) {
        try {
            return Integer.parseInt(binDir.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static LocalPostgisException notInstalled() {
        return new LocalPostgisException("PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql; "
                + "install them with: apt-get install postgresql-15-postgis-3 (or set GRIDPATROL_PG_BIN)");
    }

    private static void requirePostgis(Path binDir) {
        int major = majorVersion(binDir);
        Path control = Path.of("/usr/share/postgresql", String.valueOf(major), "extension", "postgis.control");
        if (major > 0 && !Files.exists(control)) {
            throw new LocalPostgisException("PostGIS is not installed for PostgreSQL " + major
                    + "; install it with: apt-get install postgresql-" + major + "-postgis-3");
        }
    }

    private static String readOrCreatePassword(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return password;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private Path dataDir() {
        return folder.resolve("pgdata");
    }

    private void initialiseIfNeeded() throws IOException {
        if (asPostgresUser) {
            // the postgres user must be able to reach the folder: open the path for traversal
            for (Path p = folder; p != null && p.getParent() != null; p = p.getParent()) {
                makeTraversable(p);
            }
            run(List.of("chown", "-R", SUPERUSER + ":", folder.toString()), false);
        }
        if (Files.exists(dataDir().resolve("PG_VERSION"))) {
            return;
        }
        LOG.info("Initialising a local PostGIS cluster in {}", dataDir());
        Path pwFile = folder.resolve("initdb-pwfile");
        Files.writeString(pwFile, password + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(pwFile, PosixFilePermissions.fromString("rw-------"));
        if (asPostgresUser) {
            run(List.of("chown", SUPERUSER + ":", pwFile.toString()), false);
        }
        try {
            run(List.of(binDir.resolve("initdb").toString(), "-D", dataDir().toString(), "-U", SUPERUSER,
                    "--auth-local=peer", "--auth-host=scram-sha-256", "--pwfile=" + pwFile,
                    "--encoding=UTF8", "--locale=C.UTF-8"), true);
        } finally {
            Files.deleteIfExists(pwFile);
        }
    }

    private static void makeTraversable(Path path) throws IOException {
        var permissions = Files.getPosixFilePermissions(path);
        if (!permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
            permissions.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    /** Runs with the folder claimed: whatever still holds the server lock is no live application's. */
    private void recoverFromCrash() throws IOException {
        var lock = PostmasterLock.read(dataDir());
        if (lock.isEmpty()) {
            return;
        }
        long pid = lock.get().pid();
        switch (lock.get().holder()) {
            case NOBODY -> LOG.info("PostgreSQL lock of process {} is stale (an earlier crash); PostgreSQL clears it", pid);
            case OTHER_PROCESS -> {
                // PostgreSQL would take the live process for a server of this directory and refuse to start
                LOG.warn("PostgreSQL lock names process {}, which is no longer a server of {}: removing the stale lock", pid, dataDir());
                Files.deleteIfExists(dataDir().resolve("postmaster.pid"));
            }
            case SERVER_OF_THIS_DIRECTORY -> stopOrphan(pid);
        }
    }

    private void stopOrphan(long pid) {
        LOG.warn("A local PostGIS server (process {}) was left running by an earlier crash of gridpatrol: stopping it", pid);
        String pgCtl = binDir.resolve("pg_ctl").toString();
        try {
            run(List.of(pgCtl, "-D", dataDir().toString(), "-m", "fast", "-w", "-t", "30", "stop"), true);
        } catch (LocalPostgisException fast) {
            // a server stuck in a long query or checkpoint: end it at once, crash recovery replays the WAL
            LOG.warn("fast shutdown failed ({}); stopping immediately", fast.getMessage().lines().findFirst().orElse(""));
            run(List.of(pgCtl, "-D", dataDir().toString(), "-m", "immediate", "-w", "-t", "30", "stop"), true);
        }
    }

    private void startServer() {
        // TCP on 127.0.0.1 only, no Unix socket: its path must stay under 108 bytes, which a data folder
        // deep in a build tree (or a temp dir) easily exceeds
        String options = String.join(" ", "-p", String.valueOf(port), "-k", "''",
                "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off", "-c", "max_connections=60", "-c", "shared_buffers=128MB");
        run(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir().toString(), "-l",
                folder.resolve("postgres.log").toString(), "-w", "-t", "60", "-o", options, "start"), true);
        running = true;
        LOG.info("Local PostGIS is listening on 127.0.0.1:{} (data in {})", port, dataDir());
    }

    // the maintenance database is reached with a connection of its own rather than through Jdbc: a failure
    // here is a LocalPostgisException with the server's message for the launcher, not an IllegalStateException
    private void createDatabaseIfMissing() {
        try (Connection connection = target().withDatabase("postgres").dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new LocalPostgisException("cannot create the " + DATABASE + " database: " + e.getMessage(), e);
        }
    }

    /** Creates another empty database on this cluster (tests use one per class) and returns it. */
    public DatabaseTarget createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be lower-case letters, digits and _: " + name);
        }
        try (Connection connection = target().withDatabase("postgres").dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new LocalPostgisException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return target().withDatabase(name);
    }

    /** Stops the server (fast shutdown: open sessions are ended, data is kept). */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            run(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir().toString(), "-m", "fast", "-w", "stop"), true);
            LOG.info("Local PostGIS stopped");
        } finally {
            release(ownership);
        }
    }

    private void run(List<String> command, boolean asServerUser) {
        List<String> full = new ArrayList<>();
        if (asServerUser && asPostgresUser) {
            full.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).directory(folder.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LocalPostgisException(String.join(" ", command) + " did not finish within 120 s");
            }
            if (process.exitValue() != 0) {
                throw new LocalPostgisException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + "): " + output.strip() + logTail());
            }
        } catch (IOException e) {
            throw new LocalPostgisException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalPostgisException("interrupted while running " + command.get(0), e);
        }
    }

    private String logTail() {
        Path log = folder.resolve("postgres.log");
        try {
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return "\n--- postgres.log ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
            }
        } catch (IOException ignored) {
            // the log is a courtesy; the exit code already says it failed
        }
        return "";
    }
}
