package org.gridpatrol.data.postgis;

/** The local PostGIS cluster could not be set up or started; the message says what to do. */
public class LocalPostgisException extends RuntimeException {
    public LocalPostgisException(String message) {
        super(message);
    }

    public LocalPostgisException(String message, Throwable cause) {
        super(message, cause);
    }
}
