package org.gridpatrol.data.grid;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Published grids as GeoJSON, with the number of households and rentals in each. Counts are
 * aggregates, so they are the same for every viewer; no personal field is ever selected here.
 */
public final class GridQueries {

    /** Grids of the jurisdiction and of every jurisdiction below it. */
    private static final String FEATURE_COLLECTION = """
            WITH RECURSIVE scope AS (
                SELECT id FROM jurisdiction WHERE id = ?
                UNION ALL
                SELECT j.id FROM jurisdiction j JOIN scope s ON j.parent_id = s.id
            )
            SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
                     'type', 'Feature', 'id', g.id,
                     'geometry', ST_AsGeoJSON(g.geom, 6)::json,
                     'properties', json_build_object('id', g.id, 'code', g.code, 'name', g.name, 'nameZh', g.name_zh,
                                                     'jurisdictionId', g.jurisdiction_id, 'version', g.version,
                                                     'households', (SELECT count(*) FROM household h WHERE h.grid_id = g.id),
                                                     'rentals', (SELECT count(*) FROM rental_property r WHERE r.grid_id = g.id)))
                   ORDER BY g.id), '[]'::json))::text
            FROM grid g WHERE g.jurisdiction_id IN (SELECT id FROM scope)""";

    private final DataSource dataSource;

    public GridQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String featureCollection(long jurisdictionId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(FEATURE_COLLECTION)) {
            s.setLong(1, jurisdictionId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read grids of jurisdiction " + jurisdictionId, e);
        }
    }
}
