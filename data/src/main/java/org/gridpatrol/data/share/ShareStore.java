package org.gridpatrol.data.share;

import org.gridpatrol.data.postgis.Jdbc;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@link Shares} in the {@code share}, {@code share_access} and {@code share_annotation} tables; the map
 * data a share shows is written as GeoJSON by the database.
 */
final class ShareStore implements Shares {

    private static final String COLUMNS = """
            s.id, s.created_by, s.jurisdiction_ids, s.layers, s.expires_at, s.pin_hash, s.allow_annotations,
            s.created_at, s.revoked_at, ST_XMin(s.area), ST_YMin(s.area), ST_XMax(s.area), ST_YMax(s.area), s.routes::text""";

    /**
     * Grids of every jurisdiction with at least 1 % of their surface in the area (grids that only touch its
     * edge are left out), with aggregate counts: no personal field is selected.
     */
    private static final String GRIDS = """
            SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
                     'type', 'Feature', 'id', g.id,
                     'geometry', ST_AsGeoJSON(g.geom, 6)::json,
                     'properties', json_build_object('id', g.id, 'code', g.code, 'name', g.name, 'nameZh', g.name_zh,
                                                     'jurisdictionId', g.jurisdiction_id, 'jurisdiction', j.name,
                                                     'countyCode', j.county_code,
                                                     'households', (SELECT count(*) FROM household h WHERE h.grid_id = g.id),
                                                     'rentals', (SELECT count(*) FROM rental_property r WHERE r.grid_id = g.id),
                                                     'teamMembers', (SELECT count(*) FROM grid_team_member m WHERE m.grid_id = g.id)))
                   ORDER BY g.id), '[]'::json))::text
            FROM share s JOIN grid g ON ST_Intersects(g.geom, s.area)
                 AND ST_Area(ST_Intersection(g.geom, s.area)) > 0.01 * ST_Area(g.geom)
                 JOIN jurisdiction j ON j.id = g.jurisdiction_id
            WHERE s.id = ?""";

    private static final String JURISDICTIONS = """
            SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
                     'type', 'Feature', 'id', j.id,
                     'geometry', ST_AsGeoJSON(c.geom, 6)::json,
                     'properties', json_build_object('id', j.id, 'code', j.code, 'name', j.name, 'nameZh', j.name_zh,
                                                     'level', j.level, 'countyCode', j.county_code))
                   ORDER BY j.id), '[]'::json))::text
            FROM share s JOIN jurisdiction j ON ST_Intersects(j.geom, s.area) AND j.level <> 'county',
                 LATERAL (SELECT ST_Multi(ST_CollectionExtract(ST_Intersection(j.geom, s.area), 3)) AS geom) c
            WHERE s.id = ? AND ST_Area(c.geom) > 0.001 * ST_Area(j.geom)""";

    private final Jdbc jdbc;

    ShareStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public ShareRecord create(NewShare share) {
        return jdbc.inTransaction("creating a share", c -> {
            String area;
            if (share.jurisdictionIds() != null) {
                area = "(SELECT ST_Multi(ST_Union(geom)) FROM jurisdiction WHERE id = ANY (?))";
                Optional<Object[]> unknown = Jdbc.queryOptional(c, "SELECT array_agg(u) FROM unnest(?::bigint[]) u "
                                + "WHERE u NOT IN (SELECT id FROM jurisdiction)",
                        s -> s.setArray(1, c.createArrayOf("bigint", share.jurisdictionIds().toArray())),
                        rs -> rs.getArray(1) == null ? null : (Object[]) rs.getArray(1).getArray());
                if (unknown.isPresent()) {
                    throw new IllegalArgumentException("jurisdictionIds: no jurisdiction has id " + Arrays.toString(unknown.get()));
                }
            } else {
                area = "(SELECT ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)), 3)))";
                checkArea(c, share.areaGeoJson());
            }
            String sql = "INSERT INTO share (token_sha256, created_by, jurisdiction_ids, area, layers, expires_at, pin_hash, "
                    + "allow_annotations, routes) VALUES (?, ?, ?, " + area + ", ?, ?, ?, ?, ?::jsonb) RETURNING id";
            long id = Jdbc.queryOne(c, sql, s -> {
                s.setBytes(1, share.tokenSha256());
                s.setString(2, share.createdBy());
                Array ids = share.jurisdictionIds() == null ? null : c.createArrayOf("bigint", share.jurisdictionIds().toArray());
                s.setArray(3, ids);
                if (ids != null) {
                    s.setArray(4, ids);
                } else {
                    s.setString(4, share.areaGeoJson());
                }
                s.setArray(5, c.createArrayOf("text", share.layers().toArray()));
                s.setObject(6, share.expiresAt());
                s.setString(7, share.pinHash());
                s.setBoolean(8, share.allowAnnotations());
                s.setString(9, share.routesJson());
            }, rs -> rs.getLong(1));
            Optional<Long> outside = Jdbc.queryOptional(c, """
                    SELECT r.ord - 1 FROM share s, jsonb_array_elements(s.routes) WITH ORDINALITY r(v, ord)
                    WHERE s.id = ? AND NOT (
                      ST_Covers(s.area, ST_SetSRID(ST_MakePoint((v->'from'->>0)::float8, (v->'from'->>1)::float8), 4326))
                      AND ST_Covers(s.area, ST_SetSRID(ST_MakePoint((v->'to'->>0)::float8, (v->'to'->>1)::float8), 4326)))
                    ORDER BY r.ord LIMIT 1""", s -> s.setLong(1, id), rs -> rs.getLong(1));
            if (outside.isPresent()) {
                throw new IllegalArgumentException("routes[" + outside.get() + "]: both ends must lie inside the shared area");
            }
            return find(c, "s.id = ?", id).orElseThrow();
        });
    }

    private static void checkArea(Connection c, String geoJson) throws SQLException {
        String sql = """
                SELECT ST_GeometryType(g), ST_IsValid(g), ST_IsEmpty(g)
                FROM (SELECT ST_GeomFromGeoJSON(?) AS g) x""";
        try {
            Jdbc.queryOne(c, sql, s -> s.setString(1, geoJson), rs -> {
                String type = String.valueOf(rs.getString(1));
                if (!"ST_Polygon".equals(type) && !"ST_MultiPolygon".equals(type)) {
                    throw new IllegalArgumentException("area must be a GeoJSON Polygon or MultiPolygon, got " + type.replace("ST_", ""));
                }
                if (rs.getBoolean(3) || !rs.getBoolean(2)) {
                    throw new IllegalArgumentException("area must be a valid, non-empty polygon (rings closed, not crossing themselves)");
                }
                return type;
            });
        } catch (SQLException e) {
            throw new IllegalArgumentException("area is not a readable GeoJSON geometry: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    @Override
    public List<ShareRecord> list(String createdBy) {
        String sql = "SELECT " + COLUMNS + " FROM share s WHERE (?::text IS NULL OR s.created_by = ?) ORDER BY s.id DESC";
        return jdbc.queryList(sql, s -> {
            s.setString(1, createdBy);
            s.setString(2, createdBy);
        }, ShareStore::record, "cannot list shares");
    }

    @Override
    public Optional<ShareRecord> find(long id) {
        return jdbc.withConnection("cannot read share " + id, c -> find(c, "s.id = ?", id));
    }

    @Override
    public Optional<ShareRecord> findByTokenSha256(byte[] sha256) {
        return jdbc.withConnection("cannot look a share up", c -> find(c, "s.token_sha256 = ?", sha256));
    }

    private static Optional<ShareRecord> find(Connection c, String where, Object key) throws SQLException {
        return Jdbc.queryOptional(c, "SELECT " + COLUMNS + " FROM share s WHERE " + where, s -> s.setObject(1, key),
                ShareStore::record);
    }

    @Override
    public boolean revoke(long id) {
        return jdbc.update("UPDATE share SET revoked_at = COALESCE(revoked_at, now()) WHERE id = ?", s -> s.setLong(1, id),
                "cannot revoke share " + id) == 1;
    }

    @Override
    public void logAccess(long shareId, String address, String resource, int status) {
        jdbc.update("INSERT INTO share_access (share_id, address, resource, status) VALUES (?, ?, ?, ?)", s -> {
            s.setLong(1, shareId);
            s.setString(2, address == null ? "unknown" : address);
            s.setString(3, resource);
            s.setInt(4, status);
        }, "cannot log an access to share " + shareId);
    }

    @Override
    public String accessLog(long shareId, int limit) {
        String sql = """
                SELECT COALESCE(json_agg(json_build_object('at', accessed_at, 'address', address, 'resource', resource,
                                                           'status', status) ORDER BY id DESC), '[]'::json)::text
                FROM (SELECT * FROM share_access WHERE share_id = ? ORDER BY id DESC LIMIT ?) a""";
        return jdbc.queryOne(sql, s -> {
            s.setLong(1, shareId);
            s.setInt(2, limit);
        }, rs -> rs.getString(1), "cannot read the access log of share " + shareId);
    }

    @Override
    public String grids(long shareId) {
        return json(GRIDS, shareId);
    }

    @Override
    public String jurisdictions(long shareId) {
        return json(JURISDICTIONS, shareId);
    }

    @Override
    public String area(long shareId) {
        return json("SELECT ST_AsGeoJSON(area, 6) FROM share s WHERE s.id = ?", shareId);
    }

    @Override
    public boolean meetsArea(long shareId, double west, double south, double east, double north) {
        String sql = "SELECT ST_Intersects(area, ST_MakeEnvelope(?, ?, ?, ?, 4326)) FROM share WHERE id = ?";
        return jdbc.queryOptional(sql, s -> {
            s.setDouble(1, west);
            s.setDouble(2, south);
            s.setDouble(3, east);
            s.setDouble(4, north);
            s.setLong(5, shareId);
        }, rs -> rs.getBoolean(1), "cannot test the area of share " + shareId).orElse(false);
    }

    @Override
    public long annotate(long shareId, String author, String body, double lon, double lat) {
        return jdbc.inTransaction("annotating share " + shareId, c -> Jdbc.queryOptional(c, """
                INSERT INTO share_annotation (share_id, author, body, geom)
                SELECT id, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326) FROM share
                WHERE id = ? AND ST_Covers(area, ST_SetSRID(ST_MakePoint(?, ?), 4326)) RETURNING id""", s -> {
            s.setString(1, author);
            s.setString(2, body);
            s.setDouble(3, lon);
            s.setDouble(4, lat);
            s.setLong(5, shareId);
            s.setDouble(6, lon);
            s.setDouble(7, lat);
        }, rs -> rs.getLong(1)).orElseThrow(
                () -> new IllegalArgumentException("location [" + lon + ", " + lat + "] lies outside the shared area")));
    }

    @Override
    public String annotations(long shareId) {
        return json("""
                SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
                         'type', 'Feature', 'id', a.id, 'geometry', ST_AsGeoJSON(a.geom, 6)::json,
                         'properties', json_build_object('id', a.id, 'author', a.author, 'text', a.body,
                                                         'createdAt', a.created_at))
                       ORDER BY a.created_at, a.id), '[]'::json))::text
                FROM share_annotation a WHERE a.share_id = ?""", shareId);
    }

    /** The text of the first row, null when there is none (no share has the id). */
    private String json(String sql, long shareId) {
        return jdbc.queryOptional(sql, s -> s.setLong(1, shareId), rs -> rs.getString(1),
                "cannot read the map of share " + shareId).orElse(null);
    }

    private static ShareRecord record(ResultSet rs) throws SQLException {
        Array ids = rs.getArray(3);
        List<Long> jurisdictionIds = ids == null ? null : Arrays.stream((Object[]) ids.getArray()).map(o -> ((Number) o).longValue()).toList();
        List<String> layers = Arrays.stream((Object[]) rs.getArray(4).getArray()).map(String::valueOf).toList();
        return new ShareRecord(rs.getLong(1), rs.getString(2), jurisdictionIds, layers,
                rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getBoolean(7),
                rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class),
                new double[] {rs.getDouble(10), rs.getDouble(11), rs.getDouble(12), rs.getDouble(13)}, rs.getString(14));
    }
}
