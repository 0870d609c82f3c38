package org.gridpatrol.data.block;

import org.gridpatrol.geo.block.BlockLocator;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Places every row of a register in its block, in bulk: the jurisdiction's active blocks go into an
 * in-memory R-tree of indexed point-in-polygon locators ({@link BlockLocator}); the points stream
 * out of PostGIS with {@code COPY}, are located on all cores, and the result streams back with
 * {@code COPY} into a temporary table. Same rule as the SQL path: the covering block of a published
 * grid with the lowest id; -1 (stored as NULL) when none covers the point.
 *
 * <p>Why not one SQL join: a GiST-driven nested loop costs an index descent and a polygon test per
 * point inside one backend; here the tests run on every core against prepared geometries, and the
 * rows cross the wire in PostgreSQL's bulk format (see docs/adr/0010 and {@code bench assignment}).
 */
public final class BulkBlockAssigner {

    private final Connection connection;

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
        BlockLocator locator = new BlockLocator(blocks(jurisdictionId));
        Points points = points(table, jurisdictionId);
        long[] blocks = new long[points.size];
        IntStream.range(0, points.size).parallel().forEach(i -> blocks[i] = locator.locate(points.x[i], points.y[i]));
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + resultTable);
            s.execute("CREATE TEMP TABLE " + resultTable + " (id bigint PRIMARY KEY, block_id bigint)");
        }
        StringBuilder rows = new StringBuilder(points.size * 20);
        int placed = 0;
        for (int i = 0; i < points.size; i++) {
            rows.append(points.id[i]).append('\t');
            if (blocks[i] < 0) {
                rows.append("\\N");
            } else {
                rows.append(blocks[i]);
                placed++;
            }
            rows.append('\n');
        }
        try {
            copy().copyIn("COPY " + resultTable + " (id, block_id) FROM STDIN", new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + resultTable + " failed", e);
        }
        return placed;
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

    private Points points(String table, long jurisdictionId) throws SQLException {
        Points points = new Points();
        String sql = "COPY (SELECT id, ST_X(geom), ST_Y(geom) FROM " + table + " WHERE jurisdiction_id = " + jurisdictionId
                + ") TO STDOUT";
        try {
            java.io.PipedInputStream in = new java.io.PipedInputStream(1 << 20);
            java.io.PipedOutputStream out = new java.io.PipedOutputStream(in);
            CopyManager copy = copy();
            Thread producer = new Thread(() -> {
                try (out) {
                    copy.copyOut(sql, out);
                } catch (SQLException | IOException e) {
                    throw new IllegalStateException(e);
                }
            }, "copy-out-" + table);
            producer.start();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    int tab1 = line.indexOf('\t');
                    int tab2 = line.indexOf('\t', tab1 + 1);
                    points.add(Long.parseLong(line, 0, tab1, 10), Double.parseDouble(line.substring(tab1 + 1, tab2)),
                            Double.parseDouble(line.substring(tab2 + 1)));
                }
            }
            producer.join();
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
