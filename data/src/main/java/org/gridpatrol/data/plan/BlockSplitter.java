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
        List<Long> gridBlocks = plan.state().blocksOf(line.gridId()).stream().sorted().toList();
        checkLine(plan, line, gridBlocks);
        Map<Long, List<Long>> replaced = cut(gridBlocks, line);
        for (Map.Entry<Long, List<Long>> e : List.copyOf(replaced.entrySet())) {
            if (e.getValue().size() < 2) {
                e.getValue().forEach(this::deleteQuietly);
                replaced.remove(e.getKey()); // touched by the line but not cut in two
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

    private void checkLine(PlanRecord plan, SplitLine line, List<Long> gridBlocks) throws SQLException {
        String sql = """
                WITH l AS (SELECT ST_GeomFromText(?, 4326) AS geom),
                g AS (SELECT ST_Union(b.geom) AS geom FROM block b WHERE b.id = ANY(?))
                SELECT ST_IsSimple(l.geom),
                       ST_Intersects(l.geom, (SELECT geom FROM jurisdiction WHERE id = ?)),
                       (SELECT count(*) FROM ST_Dump(ST_Split(g.geom, l.geom)))
                FROM l, g""";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, line.wkt());
            s.setArray(2, connection.createArrayOf("bigint", gridBlocks.toArray()));
            s.setLong(3, plan.jurisdictionId());
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

    /** Cuts every block of the grid the line crosses, in one statement; parts by parent block. */
    private Map<Long, List<Long>> cut(List<Long> blocks, SplitLine line) throws SQLException {
        String sql = """
                WITH l AS (SELECT ST_GeomFromText(?, 4326) AS geom)
                INSERT INTO block (jurisdiction_id, county_code, parent_block_id, geom)
                SELECT b.jurisdiction_id, b.county_code, b.id, d.geom
                FROM l, block b, ST_Dump(ST_Split(b.geom, l.geom)) d
                WHERE b.id = ANY(?) AND b.geom && l.geom AND ST_Intersects(b.geom, l.geom) AND GeometryType(d.geom) = 'POLYGON'
                RETURNING parent_block_id, id""";
        Map<Long, List<Long>> parts = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, line.wkt());
            s.setArray(2, connection.createArrayOf("bigint", blocks.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    parts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                }
            }
        }
        parts.values().forEach(list -> list.sort(Long::compare));
        return parts;
    }

    private void delete(long block) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("DELETE FROM block WHERE id = ?")) {
            s.setLong(1, block);
            s.executeUpdate();
        }
    }

    private void deleteQuietly(long block) {
        try {
            delete(block);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop an uncut part " + block, e);
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
