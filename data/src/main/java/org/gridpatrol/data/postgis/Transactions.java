package org.gridpatrol.data.postgis;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in one database transaction: committed when it returns, rolled back when it throws.
 * Kept for the plan, register and patrol stores until they move to {@link Jdbc#inTransaction},
 * which this delegates to (same semantics, same messages).
 */
public final class Transactions {

    /** Work on a connection inside a transaction. */
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Transactions() {
    }

    /**
     * @param what names the work in the message of an {@link IllegalStateException} for database errors;
     *             runtime exceptions of the work (refusals, stale versions) pass through unchanged
     */
    public static <T> T inTransaction(DataSource dataSource, String what, Work<T> work) {
        return new Jdbc(dataSource).inTransaction(what, work::run);
    }
}
