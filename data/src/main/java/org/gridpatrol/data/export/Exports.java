package org.gridpatrol.data.export;

import org.gridpatrol.data.postgis.UnknownIdException;

import javax.sql.DataSource;
import java.io.IOException;

/**
 * A jurisdiction's layers for download: the jurisdiction and everything below it, row by row, read
 * through a database cursor of {@value #FETCH_SIZE} rows, so a county's registers are never held in
 * memory whole. The caller decides who may see what: with {@code personal} false a register becomes
 * counts per grid ({@link ExportSchema#counts()}), as the registers API answers callers from outside
 * the owning jurisdiction; no row of such an export carries a name, phone, ID number or address.
 */
public interface Exports {

    /** Rows fetched per round trip. */
    int FETCH_SIZE = 1000;

    /** Receives rows one at a time, in id order. */
    @FunctionalInterface
    interface RowSink {
        void accept(ExportRow row) throws IOException;
    }

    /** Exports from this database. */
    static Exports inPostgis(DataSource dataSource) {
        return new ExportQueries(dataSource);
    }

    /** The columns of the layer for a caller who may ({@code personal}) or may not see personal fields. */
    ExportSchema schema(ExportLayer layer, boolean personal);

    /**
     * Streams the rows of {@link #schema} to the sink and answers how many there were.
     *
     * @throws UnknownIdException when no jurisdiction has the id
     * @throws IOException        what the sink threw; the cursor is closed
     */
    long stream(ExportLayer layer, long jurisdictionId, boolean personal, RowSink sink) throws IOException;

    /**
     * Writes an audit event {@code <layer>.export} (e.g. who took a township's households with their
     * personal fields); {@code detail} says format, coordinates and rows, never a personal field.
     */
    void audit(String username, ExportLayer layer, long jurisdictionId, String detail);
}
