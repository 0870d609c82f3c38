package org.gridpatrol.data.plan;

import org.gridpatrol.geo.plan.InvalidOperationException;
import org.gridpatrol.geo.plan.PlanOperation.SplitGrid;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a line drawn across a grid of a plan into a {@link SplitGrid}: blocks the line crosses are
 * cut ({@code ST_Split}) into child blocks, stored in the caller's transaction; the grid's shape is
 * cut the same way, its largest piece keeps the grid and the blocks of the other pieces form the
 * new one. The line must be simple, lie in the jurisdiction and cut the grid in two or more pieces.
 */
final class BlockSplitter {

    private final Connection connection;
    /** The blocks the last split created. */
    List<Long> lastParts = List.of();

    BlockSplitter(Connection connection) {
        this.connection = connection;
    }

    SplitGrid split(PlanRecord plan, SplitLine line) throws SQLException {
        if (!plan.state().grids().containsKey(line.gridId())) {
            throw new InvalidOperationException("gridId", "grid " + line.gridId() + " is not in this plan");
        }
        checkLine(plan, line);
        List<Long> gridBlocks = plan.state().gridOfBlock().entrySet().stream()
                .filter(e -> e.getValue() == line.gridId()).map(Map.Entry::getKey).toList();
        Map<Long, List<Long>> replaced = new HashMap<>();
        for (long block : gridBlocks) {
            List<Long> parts = cut(block, line, plan);
            if (parts.size() > 1) {
                replaced.put(block, parts);
            } else if (parts.size() == 1) {
                delete(parts.get(0));
            }
        }
        List<Long> after = new ArrayList<>();
        for (long block : gridBlocks) {
            after.addAll(replaced.getOrDefault(block, List.of(block)));
        }
        List<Long> farSide = farSide(plan, line, after);
        lastParts = replaced.values().stream().flatMap(List::stream).toList();
        return new SplitGrid(line.gridId(), replaced, farSide, line.name());
    }

    private void checkLine(PlanRecord plan, SplitLine line) throws SQLException {
        String sql = """
                WITH l AS (SELECT ST_GeomFromText(?, 4326) AS geom),
                g AS (SELECT ST_Union(b.geom) AS geom FROM block b JOIN plan_blocks(?, ?) p ON p.block_id = b.id
                      WHERE p.grid_id = ?)
                SELECT ST_IsSimple(l.geom),
                       ST_Intersects(l.geom, (SELECT geom FROM jurisdiction WHERE id = ?)),
                       (SELECT count(*) FROM ST_Dump(ST_Split(g.geom, l.geom)))
                FROM l, g""";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, line.wkt());
            s.setLong(2, plan.id());
            s.setInt(3, plan.step());
            s.setLong(4, line.gridId());
            s.setLong(5, plan.jurisdictionId());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new InvalidOperationException("line", "the line crosses itself: draw a simple line");
                }
                if (!rs.getBoolean(2)) {
                    throw new InvalidOperationException("line", "the line lies outside jurisdiction " + plan.jurisdictionId()
                            + ": positions are [longitude, latitude] (GeoJSON order)");
                }
                if (rs.getInt(3) < 2) {
                    throw new InvalidOperationException("line", "the line does not cut grid " + line.gridId()
                            + " in two: draw it from edge to edge");
                }
            }
        }
    }

    private List<Long> cut(long block, SplitLine line, PlanRecord plan) throws SQLException {
        String sql = """
                INSERT INTO block (jurisdiction_id, county_code, parent_block_id, geom)
                SELECT b.jurisdiction_id, b.county_code, b.id, d.geom
                FROM block b, ST_Dump(ST_Split(b.geom, ST_GeomFromText(?, 4326))) d
                WHERE b.id = ? AND ST_Intersects(b.geom, ST_GeomFromText(?, 4326)) AND GeometryType(d.geom) = 'POLYGON'
                RETURNING id""";
        List<Long> parts = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, line.wkt());
            s.setLong(2, block);
            s.setString(3, line.wkt());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    parts.add(rs.getLong(1));
                }
            }
        }
        return parts;
    }

    private void delete(long block) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("DELETE FROM block WHERE id = ?")) {
            s.setLong(1, block);
            s.executeUpdate();
        }
    }

    /** Blocks whose interior point is outside the largest piece of the cut grid. */
    private List<Long> farSide(PlanRecord plan, SplitLine line, List<Long> blocks) throws SQLException {
        String sql = """
                WITH g AS (SELECT ST_Union(b.geom) AS geom FROM block b WHERE b.id = ANY(?)),
                pieces AS (SELECT d.geom FROM g, ST_Dump(ST_Split(g.geom, ST_GeomFromText(?, 4326))) d),
                near AS (SELECT geom FROM pieces ORDER BY ST_Area(geom) DESC LIMIT 1)
                SELECT b.id FROM block b, near WHERE b.id = ANY(?) AND NOT ST_Covers(near.geom, ST_PointOnSurface(b.geom))
                ORDER BY b.id""";
        List<Long> far = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setArray(1, connection.createArrayOf("bigint", blocks.toArray()));
            s.setString(2, line.wkt());
            s.setArray(3, connection.createArrayOf("bigint", blocks.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    far.add(rs.getLong(1));
                }
            }
        }
        return far;
    }
}
