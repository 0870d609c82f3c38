package org.gridpatrol.data.block;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Health of a jurisdiction's published grids: gaps (pieces of the jurisdiction in no grid, over
 * 1 m²), overlaps (pairs of grids sharing over 1 m²), unassigned blocks and non-contiguous grids,
 * over the jurisdiction and everything below it. All zero for a healthy jurisdiction.
 */
public final class TopologyQuery {

    public record Topology(long jurisdictionId, int grids, int blocks, int gaps, int overlaps, int unassignedBlocks,
                           int nonContiguousGrids) {
    }

    private static final String SQL = """
            WITH scope AS (SELECT id FROM jurisdiction_scope(?)),
            leaf AS (SELECT j.id, j.geom FROM jurisdiction j JOIN scope s ON s.id = j.id
                     WHERE EXISTS (SELECT 1 FROM grid g WHERE g.jurisdiction_id = j.id)),
            gaps AS (
                SELECT (ST_Dump(ST_Difference(l.geom, (SELECT ST_Union(g.geom) FROM grid g WHERE g.jurisdiction_id = l.id)))).geom AS geom
                FROM leaf l)
            SELECT
              (SELECT count(*) FROM grid WHERE jurisdiction_id IN (SELECT id FROM scope)),
              (SELECT count(*) FROM block WHERE jurisdiction_id IN (SELECT id FROM scope) AND NOT retired),
              (SELECT count(*) FROM gaps WHERE ST_Area(geom::geography) > 1),
              (SELECT count(*) FROM grid a JOIN grid b ON a.id < b.id AND a.geom && b.geom
               WHERE a.jurisdiction_id IN (SELECT id FROM scope) AND b.jurisdiction_id IN (SELECT id FROM scope)
                 AND ST_Area(ST_Intersection(a.geom, b.geom)::geography) > 1),
              (SELECT count(*) FROM block b WHERE b.jurisdiction_id IN (SELECT id FROM scope) AND NOT b.retired
                 AND (b.parent_block_id IS NULL OR (SELECT p.retired FROM block p WHERE p.id = b.parent_block_id))
                 AND NOT EXISTS (SELECT 1 FROM grid_block gb WHERE gb.block_id = b.id)),
              (SELECT count(*) FROM grid WHERE jurisdiction_id IN (SELECT id FROM scope) AND ST_NumGeometries(geom) > 1)""";

    private final DataSource dataSource;

    public TopologyQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Topology of(long jurisdictionId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SQL)) {
            s.setLong(1, jurisdictionId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Topology(jurisdictionId, rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the topology of jurisdiction " + jurisdictionId, e);
        }
    }
}
