package org.gridpatrol.data.imports;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams rows into a table with {@code COPY … FROM STDIN} in PostgreSQL's text format, flushing
 * every 1 MB, so a million rows cross the wire without a statement per row or a buffer the size of
 * the file. A connection runs one {@code COPY} at a time: a writer made {@linkplain #deferred
 * deferred} keeps its rows in memory until {@link #start()} (while another COPY of the same
 * connection runs); {@link #pendingBytes()} tells how much it holds.
 */
final class StageWriter implements AutoCloseable {

    private static final int FLUSH = 1 << 20;

    private final Connection connection;
    private final String sql;
    private final StringBuilder buffer = new StringBuilder(FLUSH + 4096);
    private final List<byte[]> pending = new ArrayList<>();
    private long pendingBytes;
    private CopyIn copy;
    private boolean first = true;

    private StageWriter(Connection c, String table, String columns) {
        this.connection = c;
        this.sql = "COPY " + table + " (" + columns + ") FROM STDIN";
    }

    /** A writer whose COPY runs at once. */
    static StageWriter started(Connection c, String table, String columns) throws SQLException {
        StageWriter w = new StageWriter(c, table, columns);
        w.start();
        return w;
    }

    /** A writer that holds its rows until {@link #start()}. */
    static StageWriter deferred(Connection c, String table, String columns) {
        return new StageWriter(c, table, columns);
    }

    /** Starts the COPY (once) and sends what was held. */
    void start() throws SQLException {
        if (copy != null) {
            return;
        }
        copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        for (byte[] chunk : pending) {
            copy.writeToCopy(chunk, 0, chunk.length);
        }
        pending.clear();
        pendingBytes = 0;
    }

    boolean started() {
        return copy != null;
    }

    /** Bytes held in memory while deferred. */
    long pendingBytes() {
        return pendingBytes + buffer.length();
    }

    StageWriter value(Object value) {
        if (!first) {
            buffer.append('\t');
        }
        first = false;
        if (value == null) {
            buffer.append("\\N");
        } else if (value instanceof String s) {
            escape(s);
        } else if (value instanceof LocalDate || value instanceof Number || value instanceof Boolean) {
            buffer.append(value);
        } else {
            escape(value.toString());
        }
        return this;
    }

    /** Appends a value known to need no escaping (digits, hex). */
    StageWriter raw(CharSequence text) {
        if (!first) {
            buffer.append('\t');
        }
        first = false;
        buffer.append(text);
        return this;
    }

    void endRow() throws SQLException {
        buffer.append('\n');
        first = true;
        if (buffer.length() >= FLUSH) {
            flush();
        }
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(ch);
            }
        }
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        if (copy == null) {
            pending.add(bytes);
            pendingBytes += bytes.length;
        } else {
            copy.writeToCopy(bytes, 0, bytes.length);
        }
    }

    /** Sends the rest and ends the COPY (starting it if it was deferred); returns the rows copied. */
    long finish() throws SQLException {
        start();
        flush();
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy != null && copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
