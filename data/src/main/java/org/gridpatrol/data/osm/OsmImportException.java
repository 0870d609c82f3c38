package org.gridpatrol.data.osm;

/** An import failed; the database is as it was before it started. */
public class OsmImportException extends RuntimeException {
    public OsmImportException(String message) {
        super(message);
    }

    public OsmImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
