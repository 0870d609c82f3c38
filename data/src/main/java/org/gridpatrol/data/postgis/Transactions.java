package org.gridpatrol.data.postgis;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Runs work in one database transaction: committed when it returns, rolled back when it throws. */
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
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        }
    }
}
