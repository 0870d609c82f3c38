package org.gridpatrol.data.postgis;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The claim of one running application on a local PostGIS folder: an OS file lock on
 * {@code gridpatrol.lock} in it, holding the owner's process id. The operating system releases the lock
 * when the owning JVM ends in any way ({@code kill -9} and the OOM killer included), so a server left
 * running in a folder nobody holds is an orphan of a crash, while a held lock means another live
 * application (or this JVM) uses the folder. The lock is advisory: it binds gridpatrol, not other programs.
 */
final class FolderOwnership implements AutoCloseable {

    static final String FILE_NAME = "gridpatrol.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private FolderOwnership(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Claims {@code folder} for this JVM.
     *
     * @throws LocalPostgisException when another running application, or this JVM, already holds it
     */
    static FolderOwnership claim(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very JVM: a second start on the same folder
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            channel.close();
            throw new LocalPostgisException("the local PostGIS folder " + folder + " is in use by another running gridpatrol"
                    + (holder.matches("\\d+") ? " (process " + holder + ")" : ""));
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        return new FolderOwnership(channel, lock);
    }

    /** Gives the folder up (the file stays: deleting it could race with the next owner's claim). */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // closing the channel releases the lock in any case, as the end of the JVM would
        }
    }
}
