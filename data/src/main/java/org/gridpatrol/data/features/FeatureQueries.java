package org.gridpatrol.data.features;

import org.gridpatrol.data.basemap.BoundingBox;
import org.gridpatrol.data.postgis.Jdbc;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Features} in PostGIS: one statement per page, which counts every match and writes the page's
 * GeoJSON. The matches are an inlined CTE ({@code NOT MATERIALIZED}), so the count reads only ids and
 * the GiST index, and the properties (register counts) are computed for the page's rows alone.
 */
final class FeatureQueries implements Features {

    private static final String PAGE = """
            WITH matched AS NOT MATERIALIZED (SELECT * FROM (%s) r WHERE %s)
            SELECT (SELECT count(*) FROM matched), page.n, page.features
            FROM (SELECT count(*) AS n,
                         COALESCE(json_agg(json_build_object('type', 'Feature', 'id', p.fid,
                                  'geometry', ST_AsGeoJSON(p.geom, 6)::json, 'properties', %s) ORDER BY p.fid, p.ver),
                                  '[]'::json)::text AS features
                  FROM (SELECT * FROM matched ORDER BY fid, ver LIMIT ? OFFSET ?) p) page""";

    private static final String ONE = """
            SELECT json_build_object('type', 'Feature', 'id', p.fid, 'geometry', ST_AsGeoJSON(p.geom, 6)::json,
                                     'properties', %s)::text
            FROM (SELECT * FROM (%s) r WHERE %s AND r.fid = ?) p""";

    private static final String EXTENT = """
            SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (%s) x(e)""";

    private static final String FIRST_VALID_FROM = """
            SELECT least((SELECT min(valid_from) FROM grid), (SELECT min(valid_from) FROM grid_history))""";

    private final Jdbc jdbc;

    FeatureQueries(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public FeaturePage page(FeatureLayer layer, FeatureQuery query) {
        LayerSql sql = LayerSql.of(layer);
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        BoundingBox box = query.bbox();
        if (box != null) {
            conditions.add("r.index_geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND ST_Intersects(r.geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))");
            for (int i = 0; i < 2; i++) {
                values.addAll(List.of(box.west(), box.south(), box.east(), box.north()));
            }
        }
        TimeInterval time = layer.temporal() ? query.time() : null;
        if (time == null) {
            conditions.add(sql.current());
        } else {
            // [valid_from, valid_to) intersects [start, end]
            if (time.end() != null) {
                conditions.add("r.valid_from <= ?");
                values.add(time.end());
            }
            if (time.start() != null) {
                conditions.add("(r.valid_to IS NULL OR r.valid_to > ?)");
                values.add(time.start());
            }
        }
        String where = conditions.isEmpty() ? "true" : String.join(" AND ", conditions);
        String statement = PAGE.formatted(sql.rows(), where, sql.properties());
        return jdbc.queryOne(statement, s -> {
            int next = bind(s, values);
            s.setInt(next, query.limit());
            s.setLong(next + 1, query.offset());
        }, rs -> new FeaturePage(rs.getLong(1), rs.getInt(2), rs.getString(3)),
                "cannot read a page of " + layer.id());
    }

    @Override
    public Optional<String> feature(FeatureLayer layer, long id) {
        LayerSql sql = LayerSql.of(layer);
        return jdbc.queryOptional(ONE.formatted(sql.properties(), sql.rows(), sql.current()), s -> s.setLong(1, id),
                rs -> rs.getString(1), "cannot read feature " + id + " of " + layer.id());
    }

    @Override
    public LayerExtent extent(FeatureLayer layer) {
        BoundingBox box = jdbc.queryOne(EXTENT.formatted(LayerSql.of(layer).extent()), Jdbc.NO_PARAMETERS, rs -> {
            if (rs.getObject(1) == null) {
                return null;
            }
            // a layer of one point has an empty box: widen it by a centimetre so it stays a box
            double pad = 1e-7;
            return new BoundingBox(rs.getDouble(1) - pad, rs.getDouble(2) - pad, rs.getDouble(3) + pad, rs.getDouble(4) + pad);
        }, "cannot read the extent of " + layer.id());
        OffsetDateTime since = layer.temporal()
                ? jdbc.queryOne(FIRST_VALID_FROM, Jdbc.NO_PARAMETERS, rs -> rs.getObject(1, OffsetDateTime.class),
                        "cannot read the first effective date of " + layer.id())
                : null;
        return new LayerExtent(box, since);
    }

    private static int bind(PreparedStatement s, List<Object> values) throws SQLException {
        int i = 1;
        for (Object value : values) {
            s.setObject(i++, value);
        }
        return i;
    }
}
