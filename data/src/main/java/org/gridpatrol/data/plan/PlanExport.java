package org.gridpatrol.data.plan;

import org.gridpatrol.data.postgis.Jdbc;

import javax.sql.DataSource;

/**
 * {@link PlanExports} in PostGIS: the database writes the GeoJSON and the CSV, in one statement each.
 */
final class PlanExport implements PlanExports {

    private final Jdbc jdbc;

    PlanExport(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public String geoJson(long planId) {
        String sql = """
                WITH p AS (SELECT id, step FROM plan WHERE id = ?),
                grids AS (
                    SELECT g.grid_id, g.code, g.name, g.name_zh, ST_Multi(ST_Union(b.geom)) AS geom, count(*) AS blocks
                    FROM p CROSS JOIN LATERAL plan_grids(p.id, p.step) g
                    JOIN LATERAL plan_blocks(p.id, p.step) pb ON pb.grid_id = g.grid_id
                    JOIN block b ON b.id = pb.block_id
                    GROUP BY g.grid_id, g.code, g.name, g.name_zh)
                SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
                         'type', 'Feature', 'id', grid_id, 'geometry', ST_AsGeoJSON(geom, 6)::json,
                         'properties', json_build_object('id', grid_id, 'code', code, 'name', name, 'nameZh', name_zh,
                                                         'blocks', blocks, 'planId', ?))
                       ORDER BY grid_id), '[]'::json))::text FROM grids""";
        return query(planId, sql, true);
    }

    @Override
    public String csv(long planId, String of) {
        String sql = switch (of) {
            case "blocks" -> """
                    SELECT 'block_id,grid_id,grid_code' || chr(10) || COALESCE(string_agg(pb.block_id || ',' || pb.grid_id || ','
                           || '"' || replace(g.code, '"', '""') || '"', chr(10) ORDER BY pb.block_id), '') || chr(10)
                    FROM plan p CROSS JOIN LATERAL plan_blocks(p.id, p.step) pb
                    JOIN LATERAL plan_grids(p.id, p.step) g ON g.grid_id = pb.grid_id
                    WHERE p.id = ?""";
            case "households" -> """
                    WITH p AS (SELECT id, step, jurisdiction_id FROM plan WHERE id = ?),
                    hp AS (
                        SELECT h.id, COALESCE(pb.block_id, (SELECT c.id FROM block c JOIN plan_blocks(p.id, p.step) x ON x.block_id = c.id
                                 WHERE c.parent_block_id = h.block_id AND ST_Covers(c.geom, h.geom) ORDER BY c.id LIMIT 1)) AS block_id
                        FROM p JOIN household h ON h.jurisdiction_id = p.jurisdiction_id
                        LEFT JOIN plan_blocks(p.id, p.step) pb ON pb.block_id = h.block_id)
                    SELECT 'household_id,block_id,grid_id,grid_code' || chr(10) || COALESCE(string_agg(hp.id || ',' || hp.block_id
                           || ',' || pb.grid_id || ',' || '"' || replace(g.code, '"', '""') || '"', chr(10) ORDER BY hp.id), '') || chr(10)
                    FROM hp, p CROSS JOIN LATERAL plan_blocks(p.id, p.step) pb
                    JOIN LATERAL plan_grids(p.id, p.step) g ON g.grid_id = pb.grid_id
                    WHERE pb.block_id = hp.block_id""";
            default -> throw new IllegalArgumentException("of must be blocks or households, got '" + of + "'");
        };
        return query(planId, sql, false);
    }

    private String query(long planId, String sql, boolean planIdTwice) {
        return jdbc.withConnection("cannot export plan " + planId, c -> {
            PlanStore.load(c, planId); // 404 for an unknown plan: UnknownIdException passes through
            return Jdbc.queryOne(c, sql, s -> {
                s.setLong(1, planId);
                if (planIdTwice) {
                    s.setLong(2, planId);
                }
            }, rs -> rs.getString(1));
        });
    }
}
