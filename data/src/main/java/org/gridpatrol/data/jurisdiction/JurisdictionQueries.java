package org.gridpatrol.data.jurisdiction;

import org.gridpatrol.data.postgis.Jdbc;

import javax.sql.DataSource;
import java.util.Optional;

/**
 * {@link Jurisdictions} in PostGIS. The GeoJSON is built by PostGIS ({@code json_build_object},
 * {@code ST_AsGeoJSON}): the database writes the document in one pass, nothing is parsed and
 * re-serialised in Java.
 */
final class JurisdictionQueries implements Jurisdictions {

    private static final String FEATURE_COLLECTION = """
            SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
                     'type', 'Feature', 'id', id,
                     'geometry', ST_AsGeoJSON(geom, 6)::json,
                     'properties', json_build_object('id', id, 'code', code, 'name', name, 'nameZh', name_zh,
                                                     'level', level, 'parentId', parent_id,
                                                     'boundaryComplete', boundary_complete))
                   ORDER BY id), '[]'::json))::text
            FROM jurisdiction""";

    private static final String IS_WITHIN = """
            WITH RECURSIVE up AS (SELECT id, parent_id FROM jurisdiction WHERE id = ?
                                  UNION ALL SELECT j.id, j.parent_id FROM jurisdiction j JOIN up ON j.id = up.parent_id)
            SELECT EXISTS (SELECT 1 FROM up WHERE id = ?)""";

    private final Jdbc jdbc;

    JurisdictionQueries(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public String featureCollection() {
        return jdbc.queryOne(FEATURE_COLLECTION, Jdbc.NO_PARAMETERS, rs -> rs.getString(1), "cannot read jurisdictions");
    }

    @Override
    public Optional<String> levelOf(long id) {
        return jdbc.queryOptional("SELECT level FROM jurisdiction WHERE id = ?", s -> s.setLong(1, id),
                rs -> rs.getString(1), "cannot read jurisdiction " + id);
    }

    @Override
    public Optional<Long> idOfCode(String code) {
        return jdbc.queryOptional("SELECT id FROM jurisdiction WHERE code = ?", s -> s.setString(1, code),
                rs -> rs.getLong(1), "cannot read jurisdiction " + code);
    }

    @Override
    public Optional<Long> mainRoot() {
        String sql = """
                SELECT j.id FROM jurisdiction j
                LEFT JOIN osm_road r ON r.geom && j.geom AND ST_Intersects(r.geom, j.geom)
                WHERE j.level = 'county'
                GROUP BY j.id ORDER BY count(r.id) DESC, j.id LIMIT 1""";
        return jdbc.queryOptional(sql, Jdbc.NO_PARAMETERS, rs -> rs.getLong(1), "cannot read the jurisdictions");
    }

    @Override
    public Optional<Long> firstChildOf(long parentId) {
        return jdbc.queryOptional("SELECT id FROM jurisdiction WHERE parent_id = ? ORDER BY name, id LIMIT 1",
                s -> s.setLong(1, parentId), rs -> rs.getLong(1), "cannot read children of jurisdiction " + parentId);
    }

    @Override
    public boolean isWithin(long id, long ancestorId) {
        return jdbc.queryOne(IS_WITHIN, s -> {
            s.setLong(1, id);
            s.setLong(2, ancestorId);
        }, rs -> rs.getBoolean(1), "cannot read jurisdiction " + id);
    }
}
