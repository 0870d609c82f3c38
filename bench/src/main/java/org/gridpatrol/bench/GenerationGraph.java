package org.gridpatrol.bench;

import org.gridpatrol.geo.block.Block;
import org.gridpatrol.geo.generate.WeightedBlockGraph;
import org.gridpatrol.geo.shape.MetricFrame;
import org.gridpatrol.geo.topology.BlockAdjacency;
import org.gridpatrol.geo.topology.BlockGraph;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One graph of {@code bench generate}: a jurisdiction's active blocks with their households, which
 * blocks share an edge and how long it is ({@link BlockAdjacency}, as the planning model finds it),
 * the metric frame and each block's village. Read with SQL of the bench's own, because data's
 * planning model loader is not public; the blocks of a fresh sample or synthetic county have no
 * split parts, so households are counted by their {@code block_id} alone.
 *
 * @param villageOfBlock the village each block's interior point lies in (empty where there are none)
 */
record GenerationGraph(String name, Map<Long, Block> blocks, BlockGraph adjacency, MetricFrame frame,
                       Map<Long, Long> villageOfBlock) {

    /**
     * @param householdCounts SQL answering (block id, households) for the jurisdiction given as its one
     *                        parameter
     */
    static GenerationGraph load(Connection c, String name, long jurisdictionId, String householdCounts) throws SQLException {
        Map<Long, Block> blocks = new TreeMap<>();
        WKBReader reader = new WKBReader(new GeometryFactory());
        double latitude;
        try (PreparedStatement s = c.prepareStatement("""
                SELECT id, parent_block_id, ST_AsBinary(geom) FROM block WHERE jurisdiction_id = ? AND NOT retired""")) {
            s.setLong(1, jurisdictionId);
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long parent = rs.getLong(2);
                    Long parentId = rs.wasNull() ? null : parent; // read before the next column resets wasNull
                    long id = rs.getLong(1);
                    blocks.put(id, Block.uncounted(id, parentId, reader.read(rs.getBytes(3))));
                }
            }
        } catch (ParseException e) {
            throw new SQLException("PostGIS returned unreadable WKB", e);
        }
        try (PreparedStatement s = c.prepareStatement(householdCounts)) {
            s.setLong(1, jurisdictionId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Block block = blocks.get(rs.getLong(1));
                    if (block != null) {
                        block.counts()[0] += rs.getInt(2);
                    }
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT ST_Y(ST_Centroid(geom)) FROM jurisdiction WHERE id = ?")) {
            s.setLong(1, jurisdictionId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                latitude = rs.getDouble(1);
            }
        }
        Map<Long, Long> villages = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT b.id, v.id FROM block b JOIN jurisdiction v ON v.parent_id = b.jurisdiction_id AND v.level = 'village'
                  AND ST_Covers(v.geom, ST_PointOnSurface(b.geom))
                WHERE b.jurisdiction_id = ? AND NOT b.retired""")) {
            s.setLong(1, jurisdictionId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    villages.putIfAbsent(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        MetricFrame frame = MetricFrame.atLatitude(latitude);
        return new GenerationGraph(name, blocks, BlockAdjacency.of(blocks, frame), frame, villages);
    }

    int households(long block) {
        return blocks.get(block).counts()[0];
    }

    long totalHouseholds() {
        return blocks.values().stream().mapToLong(b -> b.counts()[0]).sum();
    }

    /** The graph the generator sees: workload = households, plus {@code extraHouseholds} (a new estate). */
    WeightedBlockGraph weighted(Map<Long, Integer> extraHouseholds) {
        return WeightedBlockGraph.of(blocks.values(), adjacency, frame,
                b -> b.counts()[0] + extraHouseholds.getOrDefault(b.id(), 0), villageOfBlock);
    }
}
