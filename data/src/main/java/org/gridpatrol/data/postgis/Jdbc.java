package org.gridpatrol.data.postgis;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC on a {@link DataSource}: the one place that opens and closes connections, statements and
 * result sets, so that query classes hold only their SQL, how to bind it and how to read a row.
 *
 * <p>Each instance method borrows one connection for the call, in auto-commit mode, and turns an
 * {@link SQLException} into an {@link IllegalStateException} carrying the caller's {@code failure}
 * message and the SQL exception as cause. Runtime exceptions thrown by binders, mappers or work
 * (refusals such as {@link IllegalArgumentException}, {@link UnknownIdException},
 * {@link StaleVersionException}) pass through unchanged. The static methods do the same steps on a
 * connection the caller holds, inside {@link #withConnection} or {@link #inTransaction}, and let the
 * {@link SQLException} through.
 *
 * <p>Limits: no streaming (every row of {@link #queryList} is held in memory; a cursor or {@code COPY}
 * keeps its raw connection), no retries, no statement cache beyond the driver's.
 */
public final class Jdbc {

    /** Sets the parameters of a statement. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads the current row of a result set; must not move the cursor. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Sets the parameters of a statement for one item of a batch. */
    @FunctionalInterface
    public interface BatchBinder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    /** Work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** For statements without parameters. */
    public static final Binder NO_PARAMETERS = statement -> {
    };

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The mapped first row; a statement that returns no row is a failure. */
    public <T> T queryOne(String sql, Binder binder, RowMapper<T> mapper, String failure) {
        return withConnection(failure, c -> queryOne(c, sql, binder, mapper));
    }

    /** The mapped first row, empty when there is none or it maps to null. */
    public <T> Optional<T> queryOptional(String sql, Binder binder, RowMapper<T> mapper, String failure) {
        return withConnection(failure, c -> queryOptional(c, sql, binder, mapper));
    }

    /** Every row, mapped, in the order of the result. */
    public <T> List<T> queryList(String sql, Binder binder, RowMapper<T> mapper, String failure) {
        return withConnection(failure, c -> queryList(c, sql, binder, mapper));
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it changed. */
    public int update(String sql, Binder binder, String failure) {
        return withConnection(failure, c -> update(c, sql, binder));
    }

    /** Runs the statement once per item, as one JDBC batch, and returns the update counts. */
    public <T> int[] batch(String sql, Collection<T> items, BatchBinder<T> binder, String failure) {
        return withConnection(failure, c -> batch(c, sql, items, binder));
    }

    /** Runs work on one connection, in auto-commit mode unless the work changes it. */
    public <T> T withConnection(String failure, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException(failure, e);
        }
    }

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws.
     *
     * @param what names the work in the message of the {@link IllegalStateException} for database
     *             errors ({@code "<what> failed: <message>"}); runtime exceptions of the work pass
     *             through unchanged
     */
    public <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return transaction(c, work);
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs work in one transaction on a connection the caller holds: committed when it returns,
     * rolled back when it throws an {@link SQLException} or a runtime exception, which is rethrown
     * as it is. The connection's auto-commit mode is restored afterwards.
     */
    public static <T> T transaction(Connection c, Work<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        T result;
        try {
            result = work.run(c);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
                c.setAutoCommit(autoCommit);
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure); // the work's failure is the one worth reporting
            }
            throw e;
        }
        c.setAutoCommit(autoCommit);
        return result;
    }

    /** {@link #queryOne(String, Binder, RowMapper, String)} on a held connection. */
    public static <T> T queryOne(Connection c, String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the query returned no row: " + firstLine(sql));
                }
                return mapper.map(rs);
            }
        }
    }

    /** {@link #queryOptional(String, Binder, RowMapper, String)} on a held connection. */
    public static <T> Optional<T> queryOptional(Connection c, String sql, Binder binder, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
            }
        }
    }

    /** {@link #queryList(String, Binder, RowMapper, String)} on a held connection. */
    public static <T> List<T> queryList(Connection c, String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        }
    }

    /** {@link #update(String, Binder, String)} on a held connection. */
    public static int update(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        }
    }

    /** {@link #batch(String, Collection, BatchBinder, String)} on a held connection. */
    public static <T> int[] batch(Connection c, String sql, Collection<T> items, BatchBinder<T> binder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (T item : items) {
                binder.bind(s, item);
                s.addBatch();
            }
            return s.executeBatch();
        }
    }

    private static String firstLine(String sql) {
        return sql.strip().lines().findFirst().orElse("");
    }
}
