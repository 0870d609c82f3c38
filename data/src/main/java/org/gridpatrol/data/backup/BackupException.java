package org.gridpatrol.data.backup;

/**
 * A backup or restore that cannot be done as asked (missing file, not a pg_dump archive, a file or a
 * database that would be overwritten without {@code --force}, a failing pg_dump or pg_restore): the
 * message is one sentence for the user. The database is unchanged when this is thrown.
 */
public class BackupException extends RuntimeException {
    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
