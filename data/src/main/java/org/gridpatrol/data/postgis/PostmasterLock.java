package org.gridpatrol.data.postgis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a data directory's {@code postmaster.pid} says and who holds it, read before a start: nobody
 * (no file, or its process is gone: PostgreSQL clears such a stale lock itself), a PostgreSQL server of
 * this very data directory (an orphan once the folder is ours), or some other process that reused the
 * pid (PostgreSQL would refuse to start, taking it for a live server). A server is recognised by its
 * command line ({@code /proc/PID/cmdline}: a {@code postgres} or {@code postmaster} binary with
 * {@code -D} naming this directory), so the check works on Linux only; elsewhere every live pid counts as
 * a server of this directory, and stopping it through {@code pg_ctl} fails with PostgreSQL's own message.
 *
 * @param pid        the process id in the file's first line
 * @param dataDir    the data directory in its second line
 * @param holder     who that process is now
 */
record PostmasterLock(long pid, String dataDir, Holder holder) {

    enum Holder {
        /** The process is gone: a stale lock. */
        NOBODY,
        /** A live PostgreSQL server of this data directory. */
        SERVER_OF_THIS_DIRECTORY,
        /** A live process that is not a server of this data directory: the pid was reused. */
        OTHER_PROCESS
    }

    /** The lock in {@code dataDir}, if it has one that can be read. */
    static Optional<PostmasterLock> read(Path dataDir) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
            return Optional.empty(); // being written or damaged: PostgreSQL decides
        }
        long pid = Long.parseLong(lines.get(0).strip());
        String recorded = lines.size() > 1 ? lines.get(1).strip() : "";
        return Optional.of(new PostmasterLock(pid, recorded, holderOf(pid, dataDir)));
    }

    private static Holder holderOf(long pid, Path dataDir) throws IOException {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return Holder.NOBODY;
        }
        Path cmdline = Path.of("/proc", String.valueOf(pid), "cmdline");
        byte[] raw;
        try {
            raw = Files.readAllBytes(cmdline);
        } catch (NoSuchFileException e) {
            return Files.isDirectory(Path.of("/proc/self")) ? Holder.NOBODY : Holder.SERVER_OF_THIS_DIRECTORY;
        }
        return isServerOf(Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0")), dataDir)
                ? Holder.SERVER_OF_THIS_DIRECTORY : Holder.OTHER_PROCESS;
    }

    /** Whether a command line ({@code argv}) is a PostgreSQL server's whose {@code -D} is {@code dataDir}. */
    static boolean isServerOf(List<String> argv, Path dataDir) {
        if (argv.isEmpty()) {
            return false;
        }
        String binary = Path.of(argv.get(0)).getFileName() == null ? "" : Path.of(argv.get(0)).getFileName().toString();
        if (!binary.equals("postgres") && !binary.equals("postmaster")) {
            return false;
        }
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            String dir = arg.equals("-D") && i + 1 < argv.size() ? argv.get(i + 1)
                    : arg.startsWith("-D") && arg.length() > 2 ? arg.substring(2) : null;
            if (dir != null && sameDirectory(Path.of(dir), dataDir)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
