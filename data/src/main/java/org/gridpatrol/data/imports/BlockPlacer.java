package org.gridpatrol.data.imports;

import org.gridpatrol.geo.block.BlockLocator;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The block and grid of a point while the file streams, by the rule of
 * {@link org.gridpatrol.data.block.BulkBlockAssigner}: among the active blocks of the townships in
 * scope, the covering block of a published grid with the lowest id, else the covering block with the
 * lowest id; its grid follows. Rows are then written with their block and grid at once instead of
 * inserted and updated again. A point in no block (a hair outside after rounding) gets -1 and is left
 * to {@link org.gridpatrol.data.block.RegisterAssigner}'s nearest-block rule after the write.
 */
final class BlockPlacer {

    private final BlockLocator locator;
    private final Map<Long, Long> gridOfBlock = new HashMap<>();
    private final Set<Long> blockIds = new HashSet<>();

    BlockPlacer(Connection c, Long scope) throws SQLException {
        List<BlockLocator.Block> blocks = new ArrayList<>();
        WKBReader reader = new WKBReader(new GeometryFactory());
        try (PreparedStatement s = c.prepareStatement("""
                SELECT b.id, CASE WHEN gb.grid_id IS NULL THEN 1 ELSE 0 END, ST_AsBinary(b.geom), gb.grid_id
                FROM block b LEFT JOIN grid_block gb ON gb.block_id = b.id
                WHERE NOT b.retired AND (?::bigint IS NULL OR b.jurisdiction_id IN (SELECT id FROM jurisdiction_scope(?::bigint)))""")) {
            s.setObject(1, scope);
            s.setObject(2, scope);
            s.setFetchSize(5_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    blocks.add(new BlockLocator.Block(rs.getLong(1), rs.getInt(2), reader.read(rs.getBytes(3))));
                    blockIds.add(rs.getLong(1));
                    long grid = rs.getLong(4);
                    if (!rs.wasNull()) {
                        gridOfBlock.put(rs.getLong(1), grid);
                    }
                }
            }
        } catch (ParseException e) {
            throw new SQLException("PostGIS returned unreadable WKB", e);
        }
        locator = new BlockLocator(blocks);
    }

    /** The block covering the point, or -1. */
    long block(double lon, double lat) {
        return locator.locate(lon, lat);
    }

    /** Every block this placer can return. */
    Set<Long> blockIds() {
        return Collections.unmodifiableSet(blockIds);
    }

    /** Every grid this placer can return. */
    Set<Long> gridIds() {
        return new HashSet<>(gridOfBlock.values());
    }

    /** The grid of a block, or null. */
    Long grid(long block) {
        return gridOfBlock.get(block);
    }
}
