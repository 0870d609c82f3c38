package org.gridpatrol.data.patrol;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Households inside and outside a service area (an isochrone union), counted per grid: counts
 * only, so the answer may leave the jurisdiction.
 */
public final class ServiceAreaQueries {

    /** One grid's households and how many of them lie outside the area. */
    public record GridCoverage(long gridId, String code, long households, long outside) {
    }

    private final DataSource dataSource;

    public ServiceAreaQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Grids of the jurisdiction (and below; null: all) that hold households, with the count outside
     * {@code areaWkt} (EPSG:4326), ordered by grid code.
     */
    public List<GridCoverage> householdsOutside(String areaWkt, Long jurisdictionId) {
        List<GridCoverage> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                WITH scope AS (SELECT id FROM jurisdiction_scope(?::bigint)),
                     area AS (SELECT ST_GeomFromText(?, 4326) AS g)
                SELECT g.id, g.code, count(h.id), count(h.id) FILTER (WHERE NOT ST_Intersects(area.g, h.geom))
                FROM grid g JOIN scope ON scope.id = g.jurisdiction_id
                     JOIN household h ON h.grid_id = g.id CROSS JOIN area
                GROUP BY g.id, g.code ORDER BY g.code""")) {
            if (jurisdictionId == null) {
                s.setNull(1, java.sql.Types.BIGINT);
            } else {
                s.setLong(1, jurisdictionId);
            }
            s.setString(2, areaWkt);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new GridCoverage(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count households outside the service area", e);
        }
        return result;
    }

    /** A geometry given as WKT (EPSG:4326), as GeoJSON with 6 decimals. */
    public String geoJson(String wkt) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT ST_AsGeoJSON(ST_GeomFromText(?, 4326), 6)")) {
            s.setString(1, wkt);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the service area as GeoJSON", e);
        }
    }

    /**
     * A jurisdiction widened by {@code borderMeters} and simplified to about 10 m (each road segment
     * is tested against it when routing), as WKT.
     */
    public String jurisdictionArea(long jurisdictionId, int borderMeters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT ST_AsText(ST_SimplifyPreserveTopology(ST_Buffer(geom::geography, ?)::geometry, 0.0001))
                FROM jurisdiction WHERE id = ?""")) {
            s.setInt(1, borderMeters);
            s.setLong(2, jurisdictionId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new org.gridpatrol.data.postgis.UnknownIdException("no jurisdiction has id " + jurisdictionId);
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The grid's geometry as WKT, for the street subgraph of a coverage route. */
    public String gridWkt(long gridId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT ST_AsText(geom) FROM grid WHERE id = ?")) {
            s.setLong(1, gridId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new org.gridpatrol.data.postgis.UnknownIdException("no grid has id " + gridId);
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
