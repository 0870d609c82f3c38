package org.gridpatrol.data.features;

/**
 * The SQL of one layer, in three parts that {@link FeatureQueries} puts together:
 * <ul>
 *   <li>{@code rows}: one row per feature with the columns {@code fid} (the feature id), {@code ver}
 *       (0, or the grid version), {@code geom} (the geometry served and filtered on), {@code index_geom}
 *       (a column with a GiST index covering {@code geom}, for the bbox pre-filter), {@code valid_from},
 *       {@code valid_to} and whatever plain columns the properties need. Cheap: no aggregates, as the
 *       count of all matches reads it too;</li>
 *   <li>{@code current}: the condition selecting the current state (for temporal layers, rows without
 *       an end);</li>
 *   <li>{@code properties}: a {@code json_build_object} over the row {@code p}, evaluated only for the
 *       rows of the page (it may count registers).</li>
 * </ul>
 */
record LayerSql(String rows, String current, String properties, String extent) {

    static LayerSql of(FeatureLayer layer) {
        return switch (layer) {
            case JURISDICTIONS -> new LayerSql("""
                    SELECT id AS fid, 0 AS ver, geom, geom AS index_geom, NULL::timestamptz AS valid_from,
                           NULL::timestamptz AS valid_to, code, name, name_zh, level, parent_id, boundary_complete
                    FROM jurisdiction""", "true", """
                    json_build_object('id', p.fid, 'code', p.code, 'name', p.name, 'nameZh', p.name_zh, 'level', p.level,
                                      'parentId', p.parent_id, 'boundaryComplete', p.boundary_complete)""",
                    "SELECT ST_Extent(geom) FROM jurisdiction");
            case GRIDS -> new LayerSql("""
                    SELECT id AS fid, version AS ver, geom, geom AS index_geom, valid_from, NULL::timestamptz AS valid_to,
                           code, name, name_zh, jurisdiction_id
                    FROM grid
                    UNION ALL
                    SELECT grid_id, version, geom, geom, valid_from, valid_to, code, name, name_zh, jurisdiction_id
                    FROM grid_history""", "valid_to IS NULL", """
                    json_build_object('id', p.fid, 'code', p.code, 'name', p.name, 'nameZh', p.name_zh,
                                      'jurisdictionId', p.jurisdiction_id, 'version', p.ver,
                                      'validFrom', p.valid_from, 'validTo', p.valid_to,
                                      'households', CASE WHEN p.valid_to IS NULL
                                          THEN (SELECT count(*) FROM household h WHERE h.grid_id = p.fid)
                                          ELSE (SELECT count(*) FROM household h
                                                WHERE h.jurisdiction_id = p.jurisdiction_id AND ST_Covers(p.geom, h.geom)) END,
                                      'rentals', CASE WHEN p.valid_to IS NULL
                                          THEN (SELECT count(*) FROM rental_property r WHERE r.grid_id = p.fid)
                                          ELSE (SELECT count(*) FROM rental_property r
                                                WHERE r.jurisdiction_id = p.jurisdiction_id AND ST_Covers(p.geom, r.geom)) END)""",
                    "SELECT ST_Extent(geom) FROM (SELECT geom FROM grid UNION ALL SELECT geom FROM grid_history) g");
            case BLOCKS -> new LayerSql("""
                    SELECT id AS fid, 0 AS ver, geom, geom AS index_geom, NULL::timestamptz AS valid_from,
                           NULL::timestamptz AS valid_to, jurisdiction_id, parent_block_id
                    FROM block WHERE NOT retired""", "true", """
                    json_build_object('id', p.fid, 'jurisdictionId', p.jurisdiction_id,
                                      'gridId', (SELECT gb.grid_id FROM grid_block gb WHERE gb.block_id = p.fid),
                                      'parentBlockId', p.parent_block_id,
                                      'households', (SELECT count(*) FROM household h WHERE h.block_id = p.fid),
                                      'rentals', (SELECT count(*) FROM rental_property r WHERE r.block_id = p.fid))""",
                    "SELECT ST_Extent(geom) FROM block WHERE NOT retired");
            case KEYPLACES -> new LayerSql("""
                    SELECT id AS fid, 0 AS ver, geom, geom AS index_geom, NULL::timestamptz AS valid_from,
                           NULL::timestamptz AS valid_to, kind, name, jurisdiction_id, grid_id
                    FROM key_place""", "true", """
                    json_build_object('id', p.fid, 'kind', p.kind, 'name', p.name, 'jurisdictionId', p.jurisdiction_id,
                                      'gridId', p.grid_id)""",
                    "SELECT ST_Extent(geom) FROM key_place");
            case HOUSEHOLDS -> perGrid("""
                    'households', (SELECT count(*) FROM household h WHERE h.grid_id = p.fid),
                    'residents', (SELECT COALESCE(sum(h.residents), 0) FROM household h WHERE h.grid_id = p.fid),
                    'floatingResidents', (SELECT COALESCE(sum(h.floating_residents), 0) FROM household h WHERE h.grid_id = p.fid)""");
            case RENTALS -> perGrid("""
                    'rentals', (SELECT count(*) FROM rental_property r WHERE r.grid_id = p.fid),
                    'tenants', (SELECT COALESCE(sum(r.tenants), 0) FROM rental_property r WHERE r.grid_id = p.fid),
                    'floatingResidents', (SELECT COALESCE(sum(r.floating_residents), 0) FROM rental_property r WHERE r.grid_id = p.fid)""");
        };
    }

    /** A register counted per current grid, at a point on the grid's surface (always inside it). */
    private static LayerSql perGrid(String counts) {
        return new LayerSql("""
                SELECT id AS fid, 0 AS ver, ST_PointOnSurface(geom) AS geom, geom AS index_geom,
                       NULL::timestamptz AS valid_from, NULL::timestamptz AS valid_to, code, name, jurisdiction_id
                FROM grid""", "true", """
                json_build_object('id', p.fid, 'gridId', p.fid, 'gridCode', p.code, 'gridName', p.name,
                                  'jurisdictionId', p.jurisdiction_id,
                """ + counts + ")",
                "SELECT ST_Extent(ST_PointOnSurface(geom)) FROM grid");
    }
}
