package org.gridpatrol.data.jurisdiction;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The jurisdictions as GeoJSON, built by PostGIS ({@code json_build_object}, {@code ST_AsGeoJSON}):
 * the database writes the document in one pass, nothing is parsed and re-serialised in Java.
 */
public final class JurisdictionQueries {

    private static final String FEATURE_COLLECTION = """
            SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
                     'type', 'Feature', 'id', id,
                     'geometry', ST_AsGeoJSON(geom, 6)::json,
                     'properties', json_build_object('id', id, 'code', code, 'name', name, 'nameZh', name_zh,
                                                     'level', level, 'parentId', parent_id,
                                                     'boundaryComplete', boundary_complete))
                   ORDER BY id), '[]'::json))::text
            FROM jurisdiction""";

    private final DataSource dataSource;

    public JurisdictionQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** All jurisdictions as an RFC 7946 FeatureCollection (longitude first, 6 decimals ≈ 0.1 m). */
    public String featureCollection() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(FEATURE_COLLECTION)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read jurisdictions", e);
        }
    }

    /** The jurisdiction's level, or empty when no jurisdiction has this id. */
    public Optional<String> levelOf(long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT level FROM jurisdiction WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read jurisdiction " + id, e);
        }
    }

    /** The id of the jurisdiction with this code, if any. */
    public Optional<Long> idOfCode(String code) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM jurisdiction WHERE code = ?")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read jurisdiction " + code, e);
        }
    }

    /** The first child (by name) of a jurisdiction, if it has any. */
    public Optional<Long> firstChildOf(long parentId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM jurisdiction WHERE parent_id = ? ORDER BY name, id LIMIT 1")) {
            s.setLong(1, parentId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read children of jurisdiction " + parentId, e);
        }
    }

    /** Whether {@code id} is {@code ancestorId} or lies below it in the tree. */
    public boolean isWithin(long id, long ancestorId) {
        String sql = """
                WITH RECURSIVE up AS (SELECT id, parent_id FROM jurisdiction WHERE id = ?
                                      UNION ALL SELECT j.id, j.parent_id FROM jurisdiction j JOIN up ON j.id = up.parent_id)
                SELECT EXISTS (SELECT 1 FROM up WHERE id = ?)""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            s.setLong(2, ancestorId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read jurisdiction " + id, e);
        }
    }
}
