package org.gridpatrol.data.sample;

import org.gridpatrol.data.block.BlockDeriver;
import org.gridpatrol.data.block.GridGeometry;
import org.gridpatrol.data.block.RegisterAssigner;
import org.gridpatrol.geo.grid.VoronoiGridSeeder;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws a first grid set for every township that has none: cuts the township into blocks
 * ({@link BlockDeriver}), lays Voronoi cells over its households ({@link VoronoiGridSeeder}; one
 * cell for a township without households) and gives each block to the cell holding its interior
 * point. A grid is the union of its blocks, so the grids cover the township with no gap or overlap.
 * Households, rentals and key places then follow their block ({@link RegisterAssigner}).
 *
 * <p>The seeder works in a local equirectangular frame (longitude scaled by the cosine of the
 * township's latitude) so that cells are not stretched east–west.
 */
final class InitialGridGenerator {

    private final Connection connection;
    private final SampleSize size;
    private final WKBReader reader = new WKBReader(new GeometryFactory());

    InitialGridGenerator(Connection connection, SampleSize size) {
        this.connection = connection;
        this.size = size;
    }

    private record Township(long id, String code, String name, String countyCode, Geometry area) {
    }

    int generate() throws SQLException {
        int grids = 0;
        for (Township township : townshipsWithoutGrids()) {
            new BlockDeriver(connection).derive(township.id());
            List<Coordinate> households = householdsOf(township.id());
            double scale = Math.cos(Math.toRadians(township.area().getCentroid().getY()));
            AffineTransformation toLocal = AffineTransformation.scaleInstance(scale, 1);
            List<Coordinate> local = households.stream().map(c -> new Coordinate(c.x * scale, c.y)).toList();
            List<Geometry> cells = VoronoiGridSeeder.seed(toLocal.transform(township.area()), local,
                    size.householdsPerGrid(), size.seed());
            Map<Integer, List<Long>> blocksByCell = new TreeMap<>();
            for (Map.Entry<Long, Coordinate> block : blockInteriorPoints(township.id()).entrySet()) {
                Point at = cells.get(0).getFactory().createPoint(new Coordinate(block.getValue().x * scale, block.getValue().y));
                int cell = 0;
                double nearest = Double.MAX_VALUE;
                for (int i = 0; i < cells.size(); i++) {
                    double distance = cells.get(i).distance(at); // 0 inside; the nearest cell for a point on no cell
                    if (distance < nearest) {
                        nearest = distance;
                        cell = i;
                    }
                }
                blocksByCell.computeIfAbsent(cell, k -> new ArrayList<>()).add(block.getKey());
            }
            int n = 0;
            for (List<Long> blockIds : blocksByCell.values()) {
                insertGrid(township, ++n, blockIds);
            }
            n -= mergeEmptyGrids(township.id());
            new RegisterAssigner(connection).assign(township.id());
            grids += n;
        }
        return grids;
    }

    /**
     * A cell that caught only empty country (mountainside blocks whose interior point fell in it)
     * would make a grid without households; its blocks join the neighbouring grid with which it
     * shares the longest border. Returns how many grids were merged away.
     */
    private int mergeEmptyGrids(long townshipId) throws SQLException {
        String empty = """
                SELECT g.id FROM grid g WHERE g.jurisdiction_id = ?
                  AND NOT EXISTS (SELECT 1 FROM grid_block gb JOIN household h ON h.block_id = gb.block_id WHERE gb.grid_id = g.id)
                  AND EXISTS (SELECT 1 FROM household h WHERE h.jurisdiction_id = g.jurisdiction_id)
                ORDER BY g.id""";
        List<Long> emptyGrids = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(empty)) {
            s.setLong(1, townshipId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    emptyGrids.add(rs.getLong(1));
                }
            }
        }
        int merged = 0;
        for (long grid : emptyGrids) {
            Long neighbour = null;
            try (PreparedStatement s = connection.prepareStatement("""
                    SELECT o.id FROM grid g JOIN grid o ON o.jurisdiction_id = g.jurisdiction_id AND o.id <> g.id AND o.geom && g.geom
                    WHERE g.id = ? AND ST_Length(ST_Intersection(ST_Boundary(g.geom), ST_Boundary(o.geom))) > 0
                    ORDER BY ST_Length(ST_Intersection(ST_Boundary(g.geom), ST_Boundary(o.geom))) DESC, o.id LIMIT 1""")) {
                s.setLong(1, grid);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        neighbour = rs.getLong(1);
                    }
                }
            }
            if (neighbour == null) {
                continue; // an island grid: keep it
            }
            try (PreparedStatement move = connection.prepareStatement("UPDATE grid_block SET grid_id = ? WHERE grid_id = ?");
                 PreparedStatement drop = connection.prepareStatement("DELETE FROM grid WHERE id = ?")) {
                move.setLong(1, neighbour);
                move.setLong(2, grid);
                move.executeUpdate();
                drop.setLong(1, grid);
                drop.executeUpdate();
            }
            new GridGeometry(connection).refresh(townshipId);
            merged++;
        }
        return merged;
    }

    /** A point inside each block of the township (ST_PointOnSurface), by block id. */
    private Map<Long, Coordinate> blockInteriorPoints(long townshipId) throws SQLException {
        Map<Long, Coordinate> result = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, ST_X(p), ST_Y(p) FROM (SELECT id, ST_PointOnSurface(geom) AS p FROM block WHERE jurisdiction_id = ?) b")) {
            query.setLong(1, townshipId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getLong(1), new Coordinate(rs.getDouble(2), rs.getDouble(3)));
                }
            }
        }
        return result;
    }

    private List<Township> townshipsWithoutGrids() throws SQLException {
        List<Township> result = new ArrayList<>();
        String sql = """
                SELECT j.id, j.code, j.name, j.county_code, ST_AsBinary(j.geom) FROM jurisdiction j
                WHERE j.level = 'township' AND NOT EXISTS (SELECT 1 FROM grid g WHERE g.jurisdiction_id = j.id)
                ORDER BY j.id""";
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                result.add(new Township(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        reader.read(rs.getBytes(5))));
            }
        } catch (ParseException e) {
            throw new SQLException("PostGIS returned unreadable WKB", e);
        }
        return result;
    }

    private List<Coordinate> householdsOf(long townshipId) throws SQLException {
        List<Coordinate> result = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT ST_X(geom), ST_Y(geom) FROM household WHERE jurisdiction_id = ? ORDER BY id")) {
            query.setLong(1, townshipId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    result.add(new Coordinate(rs.getDouble(1), rs.getDouble(2)));
                }
            }
        }
        return result;
    }

    private void insertGrid(Township township, int number, List<Long> blockIds) throws SQLException {
        String sql = """
                INSERT INTO grid (jurisdiction_id, county_code, code, name, name_zh, geom)
                SELECT ?, ?, ?, ?, ?, ST_Multi(ST_CollectionExtract(ST_Union(geom), 3)) FROM block WHERE id = ANY(?)
                RETURNING id""";
        long gridId;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, township.id());
            insert.setString(2, township.countyCode());
            insert.setString(3, township.code() + "-G" + String.format("%02d", number));
            insert.setString(4, township.name() + " grid " + number);
            insert.setString(5, township.name() + " 第" + number + "网格");
            insert.setArray(6, connection.createArrayOf("bigint", blockIds.toArray()));
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                gridId = rs.getLong(1);
            }
        }
        try (PreparedStatement link = connection.prepareStatement("INSERT INTO grid_block (grid_id, block_id) VALUES (?, ?)")) {
            for (long blockId : blockIds) {
                link.setLong(1, gridId);
                link.setLong(2, blockId);
                link.addBatch();
            }
            link.executeBatch();
        }
    }
}
