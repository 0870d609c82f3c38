package org.gridpatrol.data.block;

import org.gridpatrol.geo.block.BlockLocator;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Places every row of a register in its block, in bulk: the jurisdiction's active blocks go into an
 * in-memory R-tree of indexed point-in-polygon locators ({@link BlockLocator}); the points stream
 * out of PostGIS with binary {@code COPY} (read straight from their EWKB), are located on all
 * cores, and the result streams back with binary {@code COPY} into a temporary table. Same rule as the SQL path: the covering block of a published
 * grid with the lowest id; -1 (stored as NULL) when none covers the point.
 *
 * <p>Why not one SQL join: a GiST-driven nested loop costs an index descent and a polygon test per
 * point inside one backend; here the tests run on every core against prepared geometries, and the
 * rows cross the wire in PostgreSQL's bulk format (see docs/adr/0010 and {@code bench assignment}).
 */
public final class BulkBlockAssigner {

    /** PostgreSQL's binary COPY signature: "PGCOPY\n\377\r\n\0". */
    private static final byte[] BINARY_SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private final Connection connection;
    private String lastPhases = "";

    public BulkBlockAssigner(Connection connection) {
        this.connection = connection;
    }

    /**
     * Computes the block of every row of {@code table} in the jurisdiction into a temporary table
     * {@code resultTable (id bigint, block_id bigint)}; returns the number of rows placed in a block.
     */
    public int computeInto(String table, long jurisdictionId, String resultTable) throws SQLException {
        if (!List.of("household", "rental_property").contains(table) || !resultTable.matches("[a-z_]{1,40}")) {
            throw new IllegalArgumentException("bad table name");
        }
        long t0 = System.nanoTime();
        BlockLocator locator = new BlockLocator(blocks(jurisdictionId));
        long t1 = System.nanoTime();
        Points points = points(table, jurisdictionId);
        long t2 = System.nanoTime();
        long[] blocks = locator.locateAll(points.x, points.y, points.size);
        long t3 = System.nanoTime();
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + resultTable);
            s.execute("CREATE TEMP TABLE " + resultTable + " (id bigint, block_id bigint)");
        }
        int placed = 0;
        ByteBuffer rows = ByteBuffer.allocate(19 + points.size * 30 + 2);
        rows.put(BINARY_SIGNATURE).putInt(0).putInt(0);
        for (int i = 0; i < points.size; i++) {
            rows.putShort((short) 2).putInt(8).putLong(points.id[i]);
            if (blocks[i] < 0) {
                rows.putInt(-1); // NULL
            } else {
                rows.putInt(8).putLong(blocks[i]);
                placed++;
            }
        }
        rows.putShort((short) -1);
        try {
            copy().copyIn("COPY " + resultTable + " (id, block_id) FROM STDIN (FORMAT binary)",
                    new java.io.ByteArrayInputStream(rows.array(), 0, rows.position()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + resultTable + " failed", e);
        }
        long t4 = System.nanoTime();
        lastPhases = String.format(java.util.Locale.ROOT, "blocks %.2f s, points out %.2f s, locate %.2f s, result in %.2f s",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9);
        return placed;
    }

    /** Where the last run spent its time, for benchmarks. */
    public String lastPhases() {
        return lastPhases;
    }

    private List<BlockLocator.Block> blocks(long jurisdictionId) throws SQLException {
        List<BlockLocator.Block> blocks = new ArrayList<>();
        WKBReader reader = new WKBReader(new GeometryFactory());
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT b.id, CASE WHEN gb.grid_id IS NULL THEN 1 ELSE 0 END, ST_AsBinary(b.geom)
                FROM block b LEFT JOIN grid_block gb ON gb.block_id = b.id
                WHERE b.jurisdiction_id = ? AND NOT b.retired""")) {
            s.setLong(1, jurisdictionId);
            s.setFetchSize(5_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    blocks.add(new BlockLocator.Block(rs.getLong(1), rs.getInt(2), reader.read(rs.getBytes(3))));
                }
            }
        } catch (ParseException e) {
            throw new SQLException("PostGIS returned unreadable WKB", e);
        }
        return blocks;
    }

    private static final class Points {
        long[] id = new long[1024];
        double[] x = new double[1024];
        double[] y = new double[1024];
        int size;

        void add(long i, double px, double py) {
            if (size == id.length) {
                id = java.util.Arrays.copyOf(id, size * 2);
                x = java.util.Arrays.copyOf(x, size * 2);
                y = java.util.Arrays.copyOf(y, size * 2);
            }
            id[size] = i;
            x[size] = px;
            y[size] = py;
            size++;
        }
    }

    /**
     * Streams (id, geom) out with binary COPY and reads the points straight from their EWKB
     * (no text round trip of the coordinates, which are taken bit for bit).
     */
    private Points points(String table, long jurisdictionId) throws SQLException {
        Points points = new Points();
        String sql = "COPY (SELECT id, geom FROM " + table + " WHERE jurisdiction_id = " + jurisdictionId
                + ") TO STDOUT (FORMAT binary)";
        try {
            java.io.PipedInputStream in = new java.io.PipedInputStream(1 << 20);
            java.io.PipedOutputStream out = new java.io.PipedOutputStream(in);
            CopyManager copy = copy();
            SQLException[] failure = new SQLException[1];
            Thread producer = new Thread(() -> {
                try (out) {
                    copy.copyOut(sql, out);
                } catch (SQLException e) {
                    failure[0] = e;
                } catch (IOException e) {
                    failure[0] = new SQLException(e);
                }
            }, "copy-out-" + table);
            producer.start();
            try (java.io.DataInputStream data = new java.io.DataInputStream(new java.io.BufferedInputStream(in, 1 << 16))) {
                data.readFully(new byte[BINARY_SIGNATURE.length]);
                data.readInt(); // flags
                data.skipBytes(data.readInt()); // header extension
                byte[] geometry = new byte[64];
                while (true) {
                    short fields = data.readShort();
                    if (fields == -1) {
                        break;
                    }
                    data.readInt(); // id length: 8
                    long id = data.readLong();
                    int length = data.readInt();
                    if (length > geometry.length) {
                        geometry = new byte[length];
                    }
                    data.readFully(geometry, 0, length);
                    ByteBuffer wkb = ByteBuffer.wrap(geometry, 0, length);
                    wkb.order(geometry[0] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
                    int type = wkb.getInt(1);
                    int offset = 5 + ((type & 0x20000000) != 0 ? 4 : 0); // skip the SRID of EWKB
                    points.add(id, wkb.getDouble(offset), wkb.getDouble(offset + 8));
                }
            }
            producer.join();
            if (failure[0] != null) {
                throw failure[0];
            }
        } catch (IOException e) {
            throw new SQLException("COPY of " + table + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        }
        return points;
    }

    private CopyManager copy() throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI();
    }
}
