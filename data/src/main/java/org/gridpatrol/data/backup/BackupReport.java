package org.gridpatrol.data.backup;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a backup wrote.
 *
 * @param file    the archive (pg_dump custom format)
 * @param bytes   its size
 * @param seconds how long it took
 */
public record BackupReport(Path file, long bytes, double seconds) {
    public BackupReport {
        Objects.requireNonNull(file, "file");
        if (bytes < 0 || seconds < 0) {
            throw new IllegalArgumentException("bytes and seconds must not be negative");
        }
    }
}
