package org.gridpatrol.data.imports;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Streams rows into a staging table with {@code COPY … FROM STDIN} in PostgreSQL's text format,
 * flushing every 1 MB, so a million rows cross the wire without a statement per row or a buffer
 * the size of the file.
 */
final class StageWriter implements AutoCloseable {

    private static final int FLUSH = 1 << 20;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH + 4096);
    private boolean first = true;

    StageWriter(Connection c, String table, String columns) throws SQLException {
        copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
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
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Sends the rest and ends the COPY; returns the rows copied. */
    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
