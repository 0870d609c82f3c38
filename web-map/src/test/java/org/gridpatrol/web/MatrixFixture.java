package org.gridpatrol.web;

import org.gridpatrol.data.user.UserAccount;
import org.gridpatrol.data.user.UserAccounts;
import org.gridpatrol.geo.access.Role;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The places and people of the authorization matrix, read from the demo database: the caller's own
 * township (the Andorran parish with most households), a neighbouring township that touches it (one
 * across the border when such a one holds households), and an unrelated township that does not; one
 * grid, block, household and rental in each; one user per role in the own township; and the known
 * synthetic personal fields (phones, ID numbers, names) of each target grid.
 */
final class MatrixFixture {

    enum Reach { OWN, NEIGHBOUR, UNRELATED }

    /** One target jurisdiction with the rows the probes address and its personal fields. */
    record Target(Reach reach, long jurisdictionId, String code, long gridId, long blockId, long householdId, long rentalId,
                  double lon, double lat, String bbox, Set<String> personal) {
    }

    static final String PASSWORD = "matrix-secret-1";

    final Map<Reach, Target> targets = new EnumMap<>(Reach.class);
    final Map<Role, String> users = new EnumMap<>(Role.class);

    MatrixFixture(DataSource dataSource, UserAccounts accounts, PasswordEncoder encoder) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long own = single(c, """
                    SELECT j.id FROM jurisdiction j JOIN household h ON h.jurisdiction_id = j.id
                    WHERE j.county_code = 'AD' AND j.level = 'township' GROUP BY j.id ORDER BY count(*) DESC, j.id LIMIT 1""");
            long neighbour = single(c, """
                    SELECT j.id FROM jurisdiction j, jurisdiction o
                    WHERE o.id = ? AND j.id <> o.id AND j.level = 'township' AND ST_DWithin(j.geom, o.geom, 0.0005)
                      AND EXISTS (SELECT 1 FROM household h WHERE h.jurisdiction_id = j.id)
                      AND EXISTS (SELECT 1 FROM rental_property r WHERE r.jurisdiction_id = j.id AND r.landlord_phone IS NOT NULL)
                    ORDER BY (j.county_code <> o.county_code) DESC, j.id LIMIT 1""", own);
            long unrelated = single(c, """
                    SELECT j.id FROM jurisdiction j, jurisdiction o
                    WHERE o.id = ? AND j.level = 'township' AND NOT ST_DWithin(j.geom, o.geom, 0.0005)
                      AND EXISTS (SELECT 1 FROM household h WHERE h.jurisdiction_id = j.id)
                      AND EXISTS (SELECT 1 FROM rental_property r WHERE r.jurisdiction_id = j.id AND r.landlord_phone IS NOT NULL)
                    ORDER BY ST_Distance(j.geom, o.geom) DESC, j.id LIMIT 1""", own);
            targets.put(Reach.OWN, target(c, Reach.OWN, own, own));
            targets.put(Reach.NEIGHBOUR, target(c, Reach.NEIGHBOUR, neighbour, own));
            targets.put(Reach.UNRELATED, target(c, Reach.UNRELATED, unrelated, own));
        }
        String hash = encoder.encode(PASSWORD);
        for (Role role : Role.values()) {
            String name = "matrix_" + role.code();
            accounts.upsert(new UserAccount(name, hash, role.code(), targets.get(Reach.OWN).jurisdictionId(), true));
            users.put(role, name);
        }
    }

    /** Personal fields of every target but the own one: they must never reach a matrix user. */
    Set<String> foreignPersonal() {
        Set<String> all = new LinkedHashSet<>();
        all.addAll(targets.get(Reach.NEIGHBOUR).personal());
        all.addAll(targets.get(Reach.UNRELATED).personal());
        return all;
    }

    private static Target target(Connection c, Reach reach, long jurisdiction, long own) throws SQLException {
        long grid = single(c, """
                SELECT g.id FROM grid g WHERE g.jurisdiction_id = ?
                  AND EXISTS (SELECT 1 FROM rental_property r WHERE r.grid_id = g.id AND r.landlord_phone IS NOT NULL)
                ORDER BY (SELECT count(*) FROM household h WHERE h.grid_id = g.id) DESC, g.id LIMIT 1""", jurisdiction);
        // the household nearest a road: its point is also the patrol base and checkpoint of the route requests
        long household = single(c, """
                SELECT h.id FROM household h WHERE h.grid_id = ? AND h.head_phone IS NOT NULL
                ORDER BY (SELECT h.geom <-> r.geom FROM osm_road r ORDER BY h.geom <-> r.geom LIMIT 1), h.id LIMIT 1""", grid);
        long rental = single(c, "SELECT id FROM rental_property WHERE grid_id = ? AND landlord_phone IS NOT NULL ORDER BY id LIMIT 1", grid);
        long block = single(c, "SELECT block_id FROM household WHERE id = ?", household);
        String code;
        double lon;
        double lat;
        String bbox;
        try (PreparedStatement s = c.prepareStatement("""
                SELECT j.code, ST_X(h.geom), ST_Y(h.geom),
                       concat_ws(',', ST_XMin(j.geom), ST_YMin(j.geom), ST_XMax(j.geom), ST_YMax(j.geom))
                FROM jurisdiction j, household h WHERE j.id = ? AND h.id = ?""")) {
            s.setLong(1, jurisdiction);
            s.setLong(2, household);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                code = rs.getString(1);
                lon = rs.getDouble(2);
                lat = rs.getDouble(3);
                bbox = rs.getString(4);
            }
        }
        // phones and ID numbers are unique enough; names only when nobody in the own township bears them
        Set<String> personal = new LinkedHashSet<>(strings(c, """
                SELECT v FROM (SELECT head_phone AS v FROM household WHERE grid_id = ?1
                               UNION SELECT head_id_number FROM household WHERE grid_id = ?1
                               UNION SELECT landlord_phone FROM rental_property WHERE grid_id = ?1
                               UNION SELECT phone FROM grid_team_member WHERE grid_id = ?1) x
                WHERE v IS NOT NULL AND length(v) >= 8""".replace("?1", String.valueOf(grid))));
        if (reach != Reach.OWN) {
            personal.addAll(strings(c, """
                    SELECT v FROM (SELECT head_name AS v FROM household WHERE grid_id = ?1
                                   UNION SELECT landlord_name FROM rental_property WHERE grid_id = ?1
                                   UNION SELECT name FROM grid_team_member WHERE grid_id = ?1) x
                    WHERE v IS NOT NULL AND length(v) >= 3
                      AND v NOT IN (SELECT head_name FROM household WHERE head_name IS NOT NULL AND jurisdiction_id IN (SELECT id FROM jurisdiction_scope(?2))
                                    UNION SELECT landlord_name FROM rental_property WHERE landlord_name IS NOT NULL AND jurisdiction_id IN (SELECT id FROM jurisdiction_scope(?2))
                                    UNION SELECT m.name FROM grid_team_member m JOIN grid g ON g.id = m.grid_id
                                          WHERE g.jurisdiction_id IN (SELECT id FROM jurisdiction_scope(?2)))"""
                    .replace("?1", String.valueOf(grid)).replace("?2", String.valueOf(own))));
        }
        if (personal.size() < 3) {
            throw new IllegalStateException("the demo grid " + grid + " holds too few personal fields to test with: " + personal.size());
        }
        return new Target(reach, jurisdiction, code, grid, block, household, rental, lon, lat, bbox, personal);
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    static long single(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the demo data has no row for: " + sql);
                }
                return rs.getLong(1);
            }
        }
    }
}
