package org.gridpatrol.data.block;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Puts households, rentals and key places of a jurisdiction into their block and grid by
 * point-in-polygon, among the active (not retired) blocks, preferring blocks of a published grid
 * over split parts that only a draft plan uses. The rule for a point on a shared edge: the block
 * with the lowest id among those that cover it. A point in no block (a hair outside after rounding) goes to the nearest block
 * within 10 m. The grid follows from the block.
 */
public final class RegisterAssigner {

    static final String[] TABLES = {"household", "rental_property", "key_place"};

    private final Connection connection;

    public RegisterAssigner(Connection connection) {
        this.connection = connection;
    }

    public void assign(long jurisdictionId) throws SQLException {
        for (String table : TABLES) {
            String blockColumn = table.equals("key_place") ? null : "block_id";
            if (blockColumn != null) {
                // bulk point-in-polygon for every row, then the SQL rules for the few points in no block
                new BulkBlockAssigner(connection).computeInto(table, jurisdictionId, "assigned_block");
                update("""
                        UPDATE %s r SET block_id = a.block_id FROM assigned_block a
                        WHERE a.id = r.id AND r.jurisdiction_id = ? AND r.block_id IS DISTINCT FROM a.block_id""".formatted(table),
                        jurisdictionId);
                update("""
                        UPDATE %s r SET block_id = COALESCE(
                            (SELECT b.id FROM block b LEFT JOIN grid_block gb ON gb.block_id = b.id
                             WHERE b.jurisdiction_id = r.jurisdiction_id AND NOT b.retired AND ST_Covers(b.geom, r.geom)
                             ORDER BY gb.grid_id IS NULL, b.id LIMIT 1),
                            (SELECT b.id FROM block b LEFT JOIN grid_block gb ON gb.block_id = b.id
                             WHERE b.jurisdiction_id = r.jurisdiction_id AND NOT b.retired
                               AND ST_DWithin(b.geom::geography, r.geom::geography, 10)
                             ORDER BY gb.grid_id IS NULL, ST_Distance(b.geom, r.geom), b.id LIMIT 1))
                        WHERE r.jurisdiction_id = ? AND r.block_id IS NULL""".formatted(table), jurisdictionId);
                update("""
                        UPDATE %s r SET grid_id = gb.grid_id FROM grid_block gb
                        WHERE gb.block_id = r.block_id AND r.jurisdiction_id = ? AND r.grid_id IS DISTINCT FROM gb.grid_id""".formatted(table),
                        jurisdictionId);
                update("""
                        UPDATE %s r SET grid_id = NULL
                        WHERE r.jurisdiction_id = ? AND r.grid_id IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM grid_block gb WHERE gb.block_id = r.block_id)""".formatted(table), jurisdictionId);
            } else {
                update("""
                        UPDATE key_place r SET grid_id = (
                            SELECT gb.grid_id FROM block b JOIN grid_block gb ON gb.block_id = b.id
                            WHERE b.jurisdiction_id = r.jurisdiction_id AND NOT b.retired AND ST_Covers(b.geom, r.geom)
                            ORDER BY b.id LIMIT 1)
                        WHERE r.jurisdiction_id = ?""", jurisdictionId);
            }
        }
        // the registers' block ids just changed wholesale: fresh statistics, or the planner keeps those of before
        // (e.g. "no row has a block") and reads a county's households by index in block order (9 s instead of 0.5 s)
        try (var s = connection.createStatement()) {
            s.execute("ANALYZE household, rental_property, key_place");
        }
    }

    private void update(String sql, long jurisdictionId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, jurisdictionId);
            s.executeUpdate();
        }
    }
}
