package org.gridpatrol.data.sample;

import org.gridpatrol.geo.grid.VoronoiGridSeeder;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a first grid set for every township that has none, with {@link VoronoiGridSeeder} over its
 * households (one grid for a township without households), then assigns households, rentals and
 * key places to the grid that covers them (lowest grid id on a shared edge).
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
            List<Coordinate> households = householdsOf(township.id());
            double scale = Math.cos(Math.toRadians(township.area().getCentroid().getY()));
            AffineTransformation toLocal = AffineTransformation.scaleInstance(scale, 1);
            AffineTransformation toDegrees = AffineTransformation.scaleInstance(1 / scale, 1);
            List<Coordinate> local = households.stream().map(c -> new Coordinate(c.x * scale, c.y)).toList();
            List<Geometry> cells = VoronoiGridSeeder.seed(toLocal.transform(township.area()), local,
                    size.householdsPerGrid(), size.seed());
            int n = 0;
            for (Geometry cell : cells) {
                insertGrid(township, ++n, toDegrees.transform(cell));
            }
            grids += n;
        }
        assignGrids();
        return grids;
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

    private void insertGrid(Township township, int number, Geometry geometry) throws SQLException {
        String sql = """
                INSERT INTO grid (jurisdiction_id, county_code, code, name, name_zh, geom)
                VALUES (?, ?, ?, ?, ?, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_GeomFromWKB(?, 4326)), 3)))""";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, township.id());
            insert.setString(2, township.countyCode());
            insert.setString(3, township.code() + "-G" + String.format("%02d", number));
            insert.setString(4, township.name() + " grid " + number);
            insert.setString(5, township.name() + " 第" + number + "网格");
            insert.setBytes(6, new WKBWriter().write(geometry));
            insert.executeUpdate();
        }
    }

    private void assignGrids() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : new String[] {"household", "rental_property", "key_place"}) {
                statement.execute("""
                        UPDATE %s r SET grid_id = (SELECT min(g.id) FROM grid g
                                                   WHERE g.jurisdiction_id = r.jurisdiction_id AND ST_Covers(g.geom, r.geom))
                        WHERE r.grid_id IS NULL AND r.jurisdiction_id IS NOT NULL""".formatted(table));
            }
        }
    }
}
