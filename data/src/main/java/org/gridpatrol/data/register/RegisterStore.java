package org.gridpatrol.data.register;

import org.gridpatrol.data.postgis.Jdbc;
import org.gridpatrol.data.postgis.StaleVersionException;
import org.gridpatrol.data.postgis.UnknownIdException;
import org.gridpatrol.geo.plan.InvalidOperationException;
import org.gridpatrol.geo.register.RegisterField;
import org.gridpatrol.geo.register.RegisterKind;
import org.gridpatrol.geo.register.RegisterValues;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link Registers} in PostGIS: the placement of a row, its write and its audit event share one
 * transaction; columns and tables are named by {@link RegisterColumns}, never by the caller.
 */
final class RegisterStore implements Registers {

    /** The caller's jurisdictions: one parameter, the user's jurisdiction or NULL for all. */
    private static final String SCOPE = "WITH scope AS (SELECT id FROM jurisdiction_scope(?::bigint))\n";

    private final Jdbc jdbc;

    RegisterStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public long jurisdictionOf(RegisterKind kind, long id) {
        return jurisdictionOf(RegisterColumns.table(kind), id);
    }

    @Override
    public long jurisdictionOf(String table, long id) {
        return jdbc.queryOptional("SELECT jurisdiction_id FROM " + safe(table) + " WHERE id = ?", s -> s.setLong(1, id),
                        rs -> rs.getLong(1), "cannot read the jurisdiction of " + table + " " + id)
                .orElseThrow(() -> new UnknownIdException("no " + table.replace('_', ' ') + " has id " + id));
    }

    private static String safe(String table) {
        if (!List.of("grid", "block", "household", "rental_property").contains(table)) {
            throw new IllegalArgumentException("unknown table " + table);
        }
        return table;
    }

    @Override
    public String list(RegisterKind kind, String by, long id) {
        String properties = kind.fields().stream()
                .map(f -> "'" + f.apiName() + "', r." + RegisterColumns.column(f))
                .collect(Collectors.joining(", "));
        String sql = """
                SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
                         'type', 'Feature', 'id', r.id, 'geometry', ST_AsGeoJSON(r.geom, 7)::json,
                         'properties', json_build_object('id', r.id, 'version', r.version, 'gridId', r.grid_id,
                                                         'blockId', r.block_id, 'synthetic', r.synthetic, %s))
                       ORDER BY r.id), '[]'::json))::text
                FROM %s r WHERE r.%s = ?""".formatted(properties, RegisterColumns.table(kind), by.equals("grid") ? "grid_id" : "block_id");
        return jdbc.queryOne(sql, s -> s.setLong(1, id), rs -> rs.getString(1), "cannot list " + kind.path());
    }

    @Override
    public Aggregate aggregate(RegisterKind kind, String by, long id) {
        String people = kind == RegisterKind.HOUSEHOLD ? "residents" : "tenants";
        String elderly = kind == RegisterKind.HOUSEHOLD ? "elderly_living_alone::int" : "0";
        String sql = "SELECT count(*), COALESCE(sum(%s), 0), COALESCE(sum(floating_residents), 0), COALESCE(sum(%s), 0) FROM %s WHERE %s = ?"
                .formatted(people, elderly, RegisterColumns.table(kind), by.equals("grid") ? "grid_id" : "block_id");
        return jdbc.queryOne(sql, s -> s.setLong(1, id),
                rs -> new Aggregate(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), "cannot count " + kind.path());
    }

    @Override
    public Saved create(RegisterKind kind, RegisterValues values, double lon, double lat, Long scope, String username) {
        return inTransaction(c -> {
            Placement place = placeUnderLock(c, lon, lat, scope, null);
            List<String> columns = new ArrayList<>(List.of("jurisdiction_id", "county_code", "block_id", "grid_id", "geom"));
            values.values().keySet().forEach(f -> columns.add(RegisterColumns.column(f)));
            String placeholders = "?, ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326)" + ", ?".repeat(values.values().size());
            String sql = "INSERT INTO " + RegisterColumns.table(kind) + " (" + String.join(", ", columns) + ") VALUES (" + placeholders
                    + ") RETURNING id, version";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, place.jurisdictionId());
                s.setString(2, place.countyCode());
                s.setLong(3, place.blockId());
                s.setLong(4, place.gridId());
                s.setDouble(5, lon);
                s.setDouble(6, lat);
                bindValues(s, 7, values);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    Saved saved = new Saved(rs.getLong(1), rs.getInt(2), place.jurisdictionId(), place.blockId(), place.gridId(), place.gridCode());
                    audit(c, username, kind.path() + ".create", place.jurisdictionId(), saved.id());
                    return saved;
                }
            }
        });
    }

    @Override
    public Saved update(RegisterKind kind, long id, int expectedVersion, RegisterValues values, Double lon, Double lat,
                        Long scope, String username) {
        return inTransaction(c -> {
            Placement place = null;
            if (lon != null && lat != null) {
                // the townships first, then the row: a publish takes them in that order too (no deadlock)
                Long from = jurisdictionOf(c, kind, id);
                if (from == null) {
                    throw new UnknownIdException("no " + kind.path() + " row has id " + id);
                }
                place = placeUnderLock(c, lon, lat, scope, from);
            }
            lockVersion(c, kind, id, expectedVersion);
            List<String> sets = new ArrayList<>(List.of("version = version + 1"));
            values.values().keySet().forEach(f -> sets.add(RegisterColumns.column(f) + " = ?"));
            if (place != null) {
                sets.addAll(List.of("jurisdiction_id = ?", "county_code = ?", "block_id = ?", "grid_id = ?",
                        "geom = ST_SetSRID(ST_MakePoint(?, ?), 4326)"));
            }
            String sql = "UPDATE " + RegisterColumns.table(kind) + " SET " + String.join(", ", sets) + " WHERE id = ?";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int next = bindValues(s, 1, values);
                if (place != null) {
                    s.setLong(next++, place.jurisdictionId());
                    s.setString(next++, place.countyCode());
                    s.setLong(next++, place.blockId());
                    s.setLong(next++, place.gridId());
                    s.setDouble(next++, lon);
                    s.setDouble(next++, lat);
                }
                s.setLong(next, id);
                s.executeUpdate();
            }
            Saved saved = current(c, kind, id);
            audit(c, username, kind.path() + ".update", saved.jurisdictionId(), id);
            return saved;
        });
    }

    @Override
    public void delete(RegisterKind kind, long id, int expectedVersion, String username) {
        inTransaction(c -> {
            lockVersion(c, kind, id, expectedVersion);
            Saved before = current(c, kind, id);
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + RegisterColumns.table(kind) + " WHERE id = ?")) {
                s.setLong(1, id);
                s.executeUpdate();
            }
            audit(c, username, kind.path() + ".delete", before.jurisdictionId(), id);
            return null;
        });
    }

    @Override
    public long addInspection(long rentalId, LocalDate inspectedOn, String inspector, String notes, LocalDate next,
                              String username) {
        return inTransaction(c -> {
            Saved rental = current(c, RegisterKind.RENTAL, rentalId);
            long inspection;
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO rental_inspection (rental_id, inspected_on, inspector, notes) VALUES (?, ?, ?, ?) RETURNING id")) {
                s.setLong(1, rentalId);
                s.setDate(2, Date.valueOf(inspectedOn));
                s.setString(3, inspector);
                s.setString(4, notes);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    inspection = rs.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE rental_property SET next_inspection = ?, version = version + 1 WHERE id = ?")) {
                s.setDate(1, Date.valueOf(next));
                s.setLong(2, rentalId);
                s.executeUpdate();
            }
            audit(c, username, "rentals.inspection", rental.jurisdictionId(), rentalId);
            return inspection;
        });
    }

    @Override
    public String inspections(long rentalId) {
        String sql = """
                SELECT COALESCE(json_agg(json_build_object('id', id, 'inspectedOn', inspected_on, 'inspector', inspector,
                                                           'notes', notes) ORDER BY inspected_on DESC, id DESC), '[]'::json)::text
                FROM rental_inspection WHERE rental_id = ?""";
        return jdbc.queryOne(sql, s -> s.setLong(1, rentalId), rs -> rs.getString(1),
                "cannot read the inspections of rental " + rentalId);
    }

    private record Placement(long jurisdictionId, String countyCode, long blockId, long gridId, String gridCode) {
    }

    /**
     * The placement of a point as the published grids stand once no publish of its township is under
     * way. A publish holds its township's row {@code FOR UPDATE} from its start to its commit and
     * re-assigns the registers it can see; a register placed from the grids of before and committed
     * after it would keep its block's old grid. So the township (and {@code alsoLock}, the one a moved
     * row comes from) is locked {@code FOR SHARE}, which waits for such a publish, and the point is
     * placed again after the lock: under READ COMMITTED that query sees the published grids.
     */
    private static Placement placeUnderLock(Connection c, double lon, double lat, Long scope, Long alsoLock) throws SQLException {
        Placement first = place(c, lon, lat, scope);
        lockJurisdictions(c, alsoLock == null ? List.of(first.jurisdictionId()) : List.of(first.jurisdictionId(), alsoLock));
        Placement placed = place(c, lon, lat, scope);
        if (placed.jurisdictionId() != first.jurisdictionId()) { // the point's blocks changed township meanwhile: rare, lock that one too
            lockJurisdictions(c, List.of(placed.jurisdictionId()));
            placed = place(c, lon, lat, scope);
        }
        return placed;
    }

    /** Shares the rows of these jurisdictions, in id order (every taker of several locks them in that order). */
    private static void lockJurisdictions(Connection c, List<Long> ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM jurisdiction WHERE id = ANY(?) ORDER BY id FOR SHARE")) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            s.executeQuery().close();
        }
    }

    private static Long jurisdictionOf(Connection c, RegisterKind kind, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT jurisdiction_id FROM " + RegisterColumns.table(kind) + " WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? (Long) rs.getObject(1) : null;
            }
        }
    }

    private static Placement place(Connection c, double lon, double lat, Long scope) throws SQLException {
        String sql = SCOPE + """
                SELECT b.jurisdiction_id, j.county_code, b.id, gb.grid_id, g.code, b.jurisdiction_id IN (SELECT id FROM scope)
                FROM block b JOIN grid_block gb ON gb.block_id = b.id JOIN grid g ON g.id = gb.grid_id
                JOIN jurisdiction j ON j.id = b.jurisdiction_id
                WHERE ST_Covers(b.geom, ST_SetSRID(ST_MakePoint(?, ?), 4326))
                ORDER BY 6 DESC, b.id LIMIT 1""";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, scope);
            s.setDouble(2, lon);
            s.setDouble(3, lat);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new InvalidOperationException("location", "[" + lon + ", " + lat + "] is in no block of any grid: "
                            + "positions are [longitude, latitude] in WGS84 (GeoJSON order)");
                }
                if (!rs.getBoolean(6)) {
                    throw new InvalidOperationException("location", "[" + lon + ", " + lat + "] lies in jurisdiction "
                            + rs.getLong(1) + ", outside the jurisdictions you keep registers for");
                }
                return new Placement(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5));
            }
        }
    }

    private static void lockVersion(Connection c, RegisterKind kind, long id, int expectedVersion) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM " + RegisterColumns.table(kind) + " WHERE id = ? FOR UPDATE")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new UnknownIdException("no " + kind.path() + " row has id " + id);
                }
                if (rs.getInt(1) != expectedVersion) {
                    throw new StaleVersionException(kind.path() + " " + id + " is at version " + rs.getInt(1) + ", not "
                            + expectedVersion + ": someone changed it meanwhile", rs.getInt(1));
                }
            }
        }
    }

    private static Saved current(Connection c, RegisterKind kind, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT r.id, r.version, r.jurisdiction_id, r.block_id, r.grid_id, g.code FROM "
                + RegisterColumns.table(kind) + " r LEFT JOIN grid g ON g.id = r.grid_id WHERE r.id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new UnknownIdException("no " + kind.path() + " row has id " + id);
                }
                return new Saved(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getString(6));
            }
        }
    }

    private static int bindValues(PreparedStatement s, int first, RegisterValues values) throws SQLException {
        int i = first;
        for (Map.Entry<RegisterField, Object> e : values.values().entrySet()) {
            Object v = e.getValue();
            s.setObject(i++, v instanceof LocalDate d ? Date.valueOf(d) : v);
        }
        return i;
    }

    private static void audit(Connection c, String username, String action, long jurisdictionId, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO audit_event (username, action, jurisdiction_id, detail) VALUES (?, ?, ?, ?)")) {
            s.setString(1, username);
            s.setString(2, action);
            s.setLong(3, jurisdictionId);
            s.setString(4, "id " + id); // never personal fields: the audit log is readable more widely
            s.executeUpdate();
        }
    }

    private <T> T inTransaction(Jdbc.Work<T> work) {
        return jdbc.inTransaction("register storage", work);
    }
}
