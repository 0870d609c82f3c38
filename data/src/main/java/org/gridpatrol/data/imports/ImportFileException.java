package org.gridpatrol.data.imports;

/**
 * The file as a whole cannot be imported (unknown format, wrong encoding, too large, a zip bomb, too many
 * columns, a required field not mapped…). Nothing was changed. The message says what and what to do.
 */
public class ImportFileException extends RuntimeException {

    /** What the HTTP layer answers with. */
    public enum Reason { UNSUPPORTED_FORMAT, TOO_LARGE, UNREADABLE, MAPPING, CANCELLED }

    private final Reason reason;

    public ImportFileException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ImportFileException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
