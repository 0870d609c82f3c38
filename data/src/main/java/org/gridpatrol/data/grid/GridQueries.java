package org.gridpatrol.data.grid;

import org.gridpatrol.data.postgis.Jdbc;

import javax.sql.DataSource;
import java.time.OffsetDateTime;

/** {@link Grids} in PostGIS: the database writes the GeoJSON. */
final class GridQueries implements Grids {

    /** Grids of the jurisdiction and of every jurisdiction below it. */
    private static final String FEATURE_COLLECTION = """
            WITH scope AS (SELECT id FROM jurisdiction_scope(?))
            SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
                     'type', 'Feature', 'id', g.id,
                     'geometry', ST_AsGeoJSON(g.geom, 6)::json,
                     'properties', json_build_object('id', g.id, 'code', g.code, 'name', g.name, 'nameZh', g.name_zh,
                                                     'jurisdictionId', g.jurisdiction_id, 'version', g.version,
                                                     'households', (SELECT count(*) FROM household h WHERE h.grid_id = g.id),
                                                     'rentals', (SELECT count(*) FROM rental_property r WHERE r.grid_id = g.id)))
                   ORDER BY g.id), '[]'::json))::text
            FROM grid g WHERE g.jurisdiction_id IN (SELECT id FROM scope)""";

    /**
     * The grids in force at a moment: current rows valid since before it, and history rows whose
     * period contains it. Register counts are of today's registers inside each historical shape
     * ({@code households} and {@code rentals}), as the registers themselves are not versioned.
     */
    private static final String AS_OF = """
            WITH scope AS (SELECT id FROM jurisdiction_scope(?)),
            grids AS (
                SELECT id, code, name, name_zh, jurisdiction_id, version, valid_from, NULL::timestamptz AS valid_to, geom
                FROM grid WHERE valid_from <= ? AND jurisdiction_id IN (SELECT id FROM scope)
                UNION ALL
                SELECT grid_id, code, name, name_zh, jurisdiction_id, version, valid_from, valid_to, geom
                FROM grid_history WHERE valid_from <= ? AND valid_to > ? AND jurisdiction_id IN (SELECT id FROM scope)
            )
            SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
                     'type', 'Feature', 'id', g.id,
                     'geometry', ST_AsGeoJSON(g.geom, 6)::json,
                     'properties', json_build_object('id', g.id, 'code', g.code, 'name', g.name, 'nameZh', g.name_zh,
                                                     'jurisdictionId', g.jurisdiction_id, 'version', g.version,
                                                     'validFrom', g.valid_from, 'validTo', g.valid_to,
                                                     'households', (SELECT count(*) FROM household h
                                                                    WHERE h.jurisdiction_id = g.jurisdiction_id AND ST_Covers(g.geom, h.geom)),
                                                     'rentals', (SELECT count(*) FROM rental_property r
                                                                 WHERE r.jurisdiction_id = g.jurisdiction_id AND ST_Covers(g.geom, r.geom))))
                   ORDER BY g.id), '[]'::json))::text
            FROM grids g""";

    private final Jdbc jdbc;

    GridQueries(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public String featureCollectionAsOf(long jurisdictionId, OffsetDateTime asOf) {
        return jdbc.queryOne(AS_OF, s -> {
            s.setLong(1, jurisdictionId);
            s.setObject(2, asOf);
            s.setObject(3, asOf);
            s.setObject(4, asOf);
        }, rs -> rs.getString(1), "cannot read grids of jurisdiction " + jurisdictionId + " as of " + asOf);
    }

    @Override
    public String featureCollection(long jurisdictionId) {
        return jdbc.queryOne(FEATURE_COLLECTION, s -> s.setLong(1, jurisdictionId), rs -> rs.getString(1),
                "cannot read grids of jurisdiction " + jurisdictionId);
    }
}
