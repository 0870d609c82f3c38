package org.gridpatrol.data.plan;

import org.gridpatrol.geo.block.Block;
import org.gridpatrol.geo.plan.GridDraft;
import org.gridpatrol.geo.plan.PlanningModel;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the {@link PlanningModel} of a jurisdiction from PostGIS (active blocks, their register
 * counts, the published assignment and grids) and keeps it while nothing changes: each model is
 * stored with the {@code model_stamp} it was read at, and read again once the stamp moved. A split
 * hands its new parts over ({@link #afterSplit}), so the model after it costs the parts, not the
 * jurisdiction. The model itself (adjacency, compactness, expected blocks) is pure, in grid-geo.
 */
final class PlanningModels {

    /** A model and the stamp it was read at. */
    private record Stamped(long stamp, PlanningModel model) {
    }

    /** A handful of jurisdictions are planned at a time: beyond this many, the cache starts afresh. */
    private static final int MAX_JURISDICTIONS = 16;

    private final Map<Long, Stamped> models = new ConcurrentHashMap<>();

    /** The model of the jurisdiction as of now: the cached one while {@code model_stamp} stands still. */
    PlanningModel get(Connection c, long jurisdictionId) throws SQLException {
        long stamp = currentStamp(c);
        Stamped cached = models.get(jurisdictionId);
        if (cached == null || cached.stamp() != stamp) {
            cached = new Stamped(stamp, load(c, jurisdictionId));
            if (models.size() > MAX_JURISDICTIONS) {
                models.clear(); // keep memory bounded
            }
            models.put(jurisdictionId, cached);
        }
        return cached.model();
    }

    /**
     * Replaces the cached model by {@code before} plus the blocks a split just added, read inside the
     * splitting transaction, at the stamp that transaction leaves.
     */
    void afterSplit(Connection c, long jurisdictionId, PlanningModel before, List<Long> parts) throws SQLException {
        long newStamp = currentStamp(c);
        models.put(jurisdictionId, new Stamped(newStamp, before.withParts(readParts(c, parts))));
    }

    static long currentStamp(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT stamp FROM model_stamp WHERE id = 1"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static PlanningModel load(Connection c, long jurisdictionId) throws SQLException {
        Map<Long, Block> blocks = new HashMap<>();
        WKBReader reader = new WKBReader(new GeometryFactory());
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, parent_block_id, ST_AsBinary(geom) FROM block WHERE jurisdiction_id = ? AND NOT retired")) {
            s.setLong(1, jurisdictionId);
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long parent = rs.getLong(2);
                    Long parentId = rs.wasNull() ? null : parent;
                    blocks.put(rs.getLong(1), Block.uncounted(rs.getLong(1), parentId, reader.read(rs.getBytes(3))));
                }
            }
        } catch (ParseException e) {
            throw new SQLException("PostGIS returned unreadable WKB", e);
        }
        addCounts(c, jurisdictionId, blocks);
        Map<Long, Long> published = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT gb.block_id, gb.grid_id FROM grid_block gb JOIN grid g ON g.id = gb.grid_id WHERE g.jurisdiction_id = ?")) {
            s.setLong(1, jurisdictionId);
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    published.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        Map<Long, GridDraft> grids = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, code, name, name_zh FROM grid WHERE jurisdiction_id = ?")) {
            s.setLong(1, jurisdictionId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    grids.put(rs.getLong(1), new GridDraft(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return PlanningModel.of(blocks, published, grids);
    }

    /** Register counts per block; for split parts, the rows of the parent that the part covers. */
    private static void addCounts(Connection c, long jurisdictionId, Map<Long, Block> blocks) throws SQLException {
        String sql = """
                SELECT block_id, 0, count(*), sum(residents), sum(floating_residents), sum(elderly_living_alone::int)
                FROM household WHERE jurisdiction_id = ? AND block_id IS NOT NULL GROUP BY block_id
                UNION ALL
                SELECT block_id, 1, count(*), 0, sum(floating_residents), 0
                FROM rental_property WHERE jurisdiction_id = ? AND block_id IS NOT NULL GROUP BY block_id
                UNION ALL
                SELECT c.id, 0, count(*), sum(h.residents), sum(h.floating_residents), sum(h.elderly_living_alone::int)
                FROM block c JOIN household h ON h.block_id = c.parent_block_id AND ST_Covers(c.geom, h.geom)
                WHERE c.jurisdiction_id = ? AND NOT c.retired AND c.parent_block_id IS NOT NULL GROUP BY c.id
                UNION ALL
                SELECT c.id, 1, count(*), 0, sum(r.floating_residents), 0
                FROM block c JOIN rental_property r ON r.block_id = c.parent_block_id AND ST_Covers(c.geom, r.geom)
                WHERE c.jurisdiction_id = ? AND NOT c.retired AND c.parent_block_id IS NOT NULL GROUP BY c.id""";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 1; i <= 4; i++) {
                s.setLong(i, jurisdictionId);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Block block = blocks.get(rs.getLong(1));
                    if (block == null) {
                        continue; // a retired block's rows: they follow the parts
                    }
                    count(block.counts(), rs);
                }
            }
        }
    }

    /** The parts a split just made, with the rows of their parent that each part covers. */
    private static List<Block> readParts(Connection c, List<Long> parts) throws SQLException {
        Map<Long, Block> read = new HashMap<>();
        WKBReader reader = new WKBReader(new GeometryFactory());
        try (PreparedStatement s = c.prepareStatement("SELECT id, parent_block_id, ST_AsBinary(geom) FROM block WHERE id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("bigint", parts.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Block part = Block.uncounted(rs.getLong(1), rs.getLong(2), reader.read(rs.getBytes(3)));
                    read.put(part.id(), part);
                }
            }
        } catch (ParseException e) {
            throw new SQLException("PostGIS returned unreadable WKB", e);
        }
        String counts = """
                SELECT c.id, 0, count(*), sum(h.residents), sum(h.floating_residents), sum(h.elderly_living_alone::int)
                FROM block c JOIN household h ON h.block_id = c.parent_block_id AND ST_Covers(c.geom, h.geom)
                WHERE c.id = ANY(?) GROUP BY c.id
                UNION ALL
                SELECT c.id, 1, count(*), 0, sum(r.floating_residents), 0
                FROM block c JOIN rental_property r ON r.block_id = c.parent_block_id AND ST_Covers(c.geom, r.geom)
                WHERE c.id = ANY(?) GROUP BY c.id""";
        try (PreparedStatement s = c.prepareStatement(counts)) {
            s.setArray(1, c.createArrayOf("bigint", parts.toArray()));
            s.setArray(2, c.createArrayOf("bigint", parts.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    count(read.get(rs.getLong(1)).counts(), rs);
                }
            }
        }
        // in the order the split made them, as the model relates them one by one
        List<Block> inOrder = new ArrayList<>();
        for (long id : parts) {
            Block part = read.get(id);
            if (part == null) {
                throw new SQLException("split part " + id + " is not in table block");
            }
            inOrder.add(part);
        }
        return inOrder;
    }

    /** Adds one row of the count queries (block, kind 0/1, rows, residents, floating, elderly alone). */
    private static void count(int[] counts, ResultSet rs) throws SQLException {
        counts[rs.getInt(2)] += rs.getInt(3);
        counts[2] += rs.getInt(4);
        counts[3] += rs.getInt(5);
        counts[4] += rs.getInt(6);
    }
}
