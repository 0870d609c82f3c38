package org.gridpatrol.data.block;

import org.gridpatrol.data.postgis.Jdbc;

import javax.sql.DataSource;

/** {@link Blocks} in PostGIS: the database writes the GeoJSON and counts the topology faults. */
final class BlockQueries implements Blocks {

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

    /**
     * Gaps (pieces of a jurisdiction in no grid, over 1 m²), overlaps (pairs of grids sharing over
     * 1 m²), unassigned blocks and non-contiguous grids.
     */
    private static final String TOPOLOGY = """
            WITH scope AS (SELECT id FROM jurisdiction_scope(?)),
            leaf AS (SELECT j.id, j.geom FROM jurisdiction j JOIN scope s ON s.id = j.id
                     WHERE EXISTS (SELECT 1 FROM grid g WHERE g.jurisdiction_id = j.id)),
            gaps AS (
                SELECT (ST_Dump(ST_Difference(l.geom, (SELECT ST_Union(g.geom) FROM grid g WHERE g.jurisdiction_id = l.id)))).geom AS geom
                FROM leaf l)
            SELECT
              (SELECT count(*) FROM grid WHERE jurisdiction_id IN (SELECT id FROM scope)),
              (SELECT count(*) FROM block WHERE jurisdiction_id IN (SELECT id FROM scope) AND NOT retired),
              (SELECT count(*) FROM gaps WHERE ST_Area(geom::geography) > 1),
              (SELECT count(*) FROM grid a JOIN grid b ON a.id < b.id AND a.geom && b.geom
               WHERE a.jurisdiction_id IN (SELECT id FROM scope) AND b.jurisdiction_id IN (SELECT id FROM scope)
                 AND ST_Area(ST_Intersection(a.geom, b.geom)::geography) > 1),
              (SELECT count(*) FROM block b WHERE b.jurisdiction_id IN (SELECT id FROM scope) AND NOT b.retired
                 AND (b.parent_block_id IS NULL OR (SELECT p.retired FROM block p WHERE p.id = b.parent_block_id))
                 AND NOT EXISTS (SELECT 1 FROM grid_block gb WHERE gb.block_id = b.id)),
              (SELECT count(*) FROM grid WHERE jurisdiction_id IN (SELECT id FROM scope) AND ST_NumGeometries(geom) > 1)""";

    private final Jdbc jdbc;

    BlockQueries(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public String featureCollection(long jurisdictionId) {
        return jdbc.queryOne(FEATURE_COLLECTION, s -> s.setLong(1, jurisdictionId), rs -> rs.getString(1),
                "cannot read blocks of jurisdiction " + jurisdictionId);
    }

    @Override
    public Topology topology(long jurisdictionId) {
        return jdbc.queryOne(TOPOLOGY, s -> s.setLong(1, jurisdictionId),
                rs -> new Topology(jurisdictionId, rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)),
                "cannot check the topology of jurisdiction " + jurisdictionId);
    }
}
