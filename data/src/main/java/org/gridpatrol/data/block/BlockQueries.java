package org.gridpatrol.data.block;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Blocks of a jurisdiction as GeoJSON, with their grid and register counts (aggregates only). */
public final class BlockQueries {

    private static final String FEATURE_COLLECTION = """
            WITH scope AS (SELECT id FROM jurisdiction_scope(?))
            SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
                     'type', 'Feature', 'id', b.id,
                     'geometry', ST_AsGeoJSON(b.geom, 6)::json,
                     'properties', json_build_object('id', b.id, 'jurisdictionId', b.jurisdiction_id,
                                                     'gridId', (SELECT gb.grid_id FROM grid_block gb WHERE gb.block_id = b.id),
                                                     'parentBlockId', b.parent_block_id,
                                                     'households', (SELECT count(*) FROM household h WHERE h.block_id = b.id),
                                                     'rentals', (SELECT count(*) FROM rental_property r WHERE r.block_id = b.id)))
                   ORDER BY b.id), '[]'::json))::text
            FROM block b WHERE b.jurisdiction_id IN (SELECT id FROM scope) AND NOT b.retired""";

    private final DataSource dataSource;

    public BlockQueries(DataSource dataSource) {
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
            throw new IllegalStateException("cannot read blocks of jurisdiction " + jurisdictionId, e);
        }
    }
}
