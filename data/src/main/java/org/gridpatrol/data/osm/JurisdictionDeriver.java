package org.gridpatrol.data.osm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the imported administrative boundaries into the jurisdiction tree: each country present
 * becomes a county-level root, the boundaries at its township level ({@link TownshipLevels})
 * become townships under it.
 *
 * <p>Extracts cut at a bounding box hold only part of some boundaries; the import closes those
 * with a straight line ({@code complete = false}). To keep townships from overlapping, they are
 * taken complete ones first, then by size, each minus what was taken before; a remainder under
 * 0.2 km² is dropped. Roots are the union of their townships.
 */
final class JurisdictionDeriver {

    private static final double MIN_AREA_M2 = 200_000;

    private final Connection connection;
    private final TownshipLevels levels;
    private final String stage;

    /**
     * @param stage the osm2pgsql staging schema: country relations often lack geometry in an
     *              extract but still name the country
     */
    JurisdictionDeriver(Connection connection, TownshipLevels levels, String stage) {
        this.connection = connection;
        this.levels = levels;
        this.stage = stage;
    }

    private record Candidate(long id, long osmId, int adminLevel, String name, String nameZh, String country,
                             String ref, boolean complete) {
        String code() {
            return country + "-" + (ref != null && ref.matches("[A-Za-z0-9]{1,12}") ? ref : "R" + osmId);
        }
    }

    /** Returns the number of jurisdictions present afterwards. */
    int derive() throws SQLException {
        List<Candidate> townships = candidates();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE township_taken (code text, country text, candidate_id bigint,"
                    + " geom geometry(MultiPolygon, 4326)) ON COMMIT DROP");
        }
        String take = """
                INSERT INTO township_taken (code, country, candidate_id, geom)
                SELECT ?, ?, b.id, g.geom FROM osm_admin_boundary b,
                  LATERAL (SELECT ST_Multi(ST_CollectionExtract(ST_MakeValid(
                           ST_Difference(b.geom, COALESCE((SELECT ST_Union(geom) FROM township_taken),
                                                          'GEOMETRYCOLLECTION EMPTY'::geometry(Geometry, 4326)))), 3)) AS geom) g
                WHERE b.id = ? AND ST_Area(g.geom::geography) >= ?""";
        try (PreparedStatement insert = connection.prepareStatement(take)) {
            for (Candidate c : townships) {
                insert.setString(1, c.code());
                insert.setString(2, c.country());
                insert.setLong(3, c.id());
                insert.setDouble(4, MIN_AREA_M2);
                insert.executeUpdate();
            }
        }
        upsertRoots();
        upsertTownships();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM jurisdiction")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private List<Candidate> candidates() throws SQLException {
        List<Candidate> result = new ArrayList<>();
        String sql = """
                SELECT id, osm_id, admin_level, name, name_zh, country_code, ref, complete
                FROM osm_admin_boundary
                WHERE country_code IS NOT NULL AND admin_level > 2 AND name IS NOT NULL
                ORDER BY complete DESC, ST_Area(geom::geography) DESC, osm_id""";
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                Candidate c = new Candidate(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8));
                if (c.adminLevel() == levels.levelFor(c.country())) {
                    result.add(c);
                }
            }
        }
        return result;
    }

    private void upsertRoots() throws SQLException {
        String sql = """
                INSERT INTO jurisdiction (code, name, name_zh, level, parent_id, county_code, osm_relation_id,
                                          boundary_complete, geom)
                SELECT t.country,
                       COALESCE(c.name, t.country), c.name_zh, 'county', NULL, t.country, c.osm_id,
                       bool_and(b.complete),
                       ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(t.geom)), 3))
                FROM township_taken t
                JOIN osm_admin_boundary b ON b.id = t.candidate_id
                LEFT JOIN LATERAL (SELECT name, name_zh, relation_id AS osm_id FROM %s.boundaries
                                   WHERE admin_level = 2 AND country_code = t.country AND name IS NOT NULL
                                   ORDER BY name_zh IS NULL, relation_id LIMIT 1) c ON true
                GROUP BY t.country, c.name, c.name_zh, c.osm_id
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_zh = EXCLUDED.name_zh,
                    geom = EXCLUDED.geom, boundary_complete = EXCLUDED.boundary_complete""".formatted(stage);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void upsertTownships() throws SQLException {
        String sql = """
                INSERT INTO jurisdiction (code, name, name_zh, level, parent_id, county_code, osm_relation_id,
                                          boundary_complete, geom)
                SELECT t.code, b.name, b.name_zh, 'township', root.id, root.code, b.osm_id, b.complete, t.geom
                FROM township_taken t
                JOIN osm_admin_boundary b ON b.id = t.candidate_id
                JOIN jurisdiction root ON root.code = t.country AND root.level = 'county'
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_zh = EXCLUDED.name_zh,
                    parent_id = EXCLUDED.parent_id, geom = EXCLUDED.geom,
                    boundary_complete = EXCLUDED.boundary_complete""";
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
