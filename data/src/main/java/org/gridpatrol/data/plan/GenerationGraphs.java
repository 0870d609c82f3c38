package org.gridpatrol.data.plan;

import org.gridpatrol.geo.block.Block;
import org.gridpatrol.geo.generate.WeightedBlockGraph;
import org.gridpatrol.geo.plan.PlanningModel;
import org.gridpatrol.geo.shape.MetricFrame;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link WeightedBlockGraph} grid generation works on, for some blocks of a jurisdiction: each
 * block's workload from its register counts (households and rentals from the planning model, key
 * places counted here by point in block) weighted by {@link WorkloadWeights}, and its village: the
 * village (level {@code village} below the jurisdiction) that holds the block's
 * {@code ST_PointOnSurface}; a block in none is in {@link WeightedBlockGraph#NO_REGION}.
 *
 * <p>Villages and key places are read per call, not kept in the model: they change without moving
 * {@code model_stamp}, and one query each costs little next to a generation.
 */
public final class GenerationGraphs {

    private GenerationGraphs() {
    }

    /** The graph of all active blocks of a jurisdiction as the database holds them now (the sample's first grids). */
    public static WeightedBlockGraph load(Connection c, long jurisdictionId, WorkloadWeights weights) throws SQLException {
        PlanningModel model = PlanningModels.load(c, jurisdictionId);
        return of(c, jurisdictionId, model, model.blocks().keySet(), weights);
    }

    /** The graph of {@code blockIds}, blocks of {@code model}. */
    static WeightedBlockGraph of(Connection c, long jurisdictionId, PlanningModel model, Collection<Long> blockIds,
                                 WorkloadWeights weights) throws SQLException {
        List<Block> blocks = blockIds.stream().map(id -> model.blocks().get(id)).toList();
        Long[] ids = blockIds.toArray(Long[]::new);
        Map<Long, Long> villages = villages(c, jurisdictionId, ids);
        Map<Long, Integer> keyPlaces = weights.keyPlaces() > 0 ? keyPlaces(c, ids) : Map.of();
        MetricFrame frame = MetricFrame.atLatitude(blocks.isEmpty() ? 0 : blocks.get(0).geometry().getEnvelopeInternal().centre().y);
        return WeightedBlockGraph.of(blocks, model.graph(), frame,
                b -> weights.households() * b.counts()[0] + weights.rentals() * b.counts()[1]
                        + weights.keyPlaces() * keyPlaces.getOrDefault(b.id(), 0),
                villages);
    }

    /** Block → the village below the jurisdiction (at any depth) holding its point on surface. */
    private static Map<Long, Long> villages(Connection c, long jurisdictionId, Long[] blockIds) throws SQLException {
        String sql = """
                WITH RECURSIVE below AS (
                    SELECT id, level FROM jurisdiction WHERE parent_id = ?
                    UNION ALL
                    SELECT j.id, j.level FROM jurisdiction j JOIN below ON j.parent_id = below.id)
                SELECT DISTINCT ON (b.id) b.id, v.id
                FROM block b JOIN jurisdiction v ON v.id IN (SELECT id FROM below WHERE level = 'village')
                     AND v.geom && b.geom AND ST_Covers(v.geom, ST_PointOnSurface(b.geom))
                WHERE b.id = ANY(?)
                ORDER BY b.id, v.id""";
        Map<Long, Long> result = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, jurisdictionId);
            s.setArray(2, c.createArrayOf("bigint", blockIds));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return result;
    }

    /** Key places per block, by point in block (key places carry a grid, not a block). */
    private static Map<Long, Integer> keyPlaces(Connection c, Long[] blockIds) throws SQLException {
        String sql = """
                SELECT b.id, count(*) FROM block b JOIN key_place k ON k.geom && b.geom AND ST_Covers(b.geom, k.geom)
                WHERE b.id = ANY(?) GROUP BY b.id""";
        Map<Long, Integer> result = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("bigint", blockIds));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        return result;
    }
}
