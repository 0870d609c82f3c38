package org.gridpatrol.data.imports;

import org.gridpatrol.data.block.GridGeometry;
import org.gridpatrol.data.block.RegisterAssigner;
import org.gridpatrol.data.postgis.Jdbc;
import org.gridpatrol.geo.crs.CoordinateSystem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Kind {@code grids}: a township's existing grid polygons become its published grid set, the way a
 * published plan changes grids (ADR 0027): each active block goes to the imported grid covering most
 * of it; a grid whose code exists in the township is archived to {@code grid_history} and gets a
 * new version, a new code a new grid; the township's grids missing from the file are archived and
 * removed; a grid's geometry is then the union of its blocks; registers follow their blocks; a
 * {@code grid_publication} row makes plans started on the old grids stale. A grid's township is its
 * jurisdiction code, else the township holding most of its polygon.
 *
 * <p>Findings: grids whose polygon's area differs from their blocks' by more than 10 %, and blocks
 * that an imported boundary cuts (a second grid covers more than 10 % of the block).
 */
final class GridImport {

    static final double AREA_TOLERANCE = 0.10;
    static final double CUT_SHARE = 0.10;

    private record Row(long line, String code, String name, long township, Geometry polygon) {
    }

    private final Connection connection;
    private final ReportBuilder report;
    private final Long scope;
    private final String username;

    GridImport(Connection connection, ReportBuilder report, Long scope, String username) {
        this.connection = connection;
        this.report = report;
        this.scope = scope;
        this.username = username;
    }

    void run(RowSource source, ColumnMap columns, CoordinateSystem system, ImportProgress progress) throws SQLException {
        Map<String, Row> rows = new LinkedHashMap<>();
        SourceRow raw;
        while ((raw = source.next()) != null) {
            report.rows++;
            if (report.rows % 100 == 0) {
                PostgisImports.checkCancelled(progress);
            }
            String code = columns.get(raw, "code");
            if (code == null || code.length() > 64) {
                report.refuse(raw.line(), "code", code == null ? "the code is empty" : "the code is longer than 64 characters");
                continue;
            }
            if (rows.containsKey(code)) {
                report.refuse(raw.line(), "code", "code " + code + " appears again (first on line " + rows.get(code).line() + ")");
                continue;
            }
            Geometry geometry = raw.geometry();
            if (geometry == null && columns.has("wkt")) {
                geometry = WktValue.read(columns.get(raw, "wkt"));
            }
            GeometryCheck.Result checked = GeometryCheck.polygon(geometry, system);
            if (checked.problem() != null) {
                report.refuse(raw.line(), "geometry", checked.problem());
                continue;
            }
            Long township = township(raw.line(), columns.get(raw, "jurisdictionCode"), checked.polygon());
            if (township == null) {
                continue;
            }
            String name = columns.get(raw, "name");
            rows.put(code, new Row(raw.line(), code, name == null ? code : name, township, checked.polygon()));
        }
        Map<Long, List<Row>> byTownship = new LinkedHashMap<>();
        for (Row row : rows.values()) {
            byTownship.computeIfAbsent(row.township(), k -> new ArrayList<>()).add(row);
        }
        int done = 0;
        for (Map.Entry<Long, List<Row>> township : byTownship.entrySet()) {
            progress.update("writing", done++, byTownship.size());
            replaceGrids(township.getKey(), township.getValue());
        }
    }

    /** The township of a grid row, or null (refused). */
    private Long township(long line, String code, Geometry polygon) throws SQLException {
        Long id = null;
        if (code != null) {
            try (PreparedStatement s = connection.prepareStatement("SELECT id, level FROM jurisdiction WHERE code = ?")) {
                s.setString(1, code);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        report.refuse(line, "jurisdictionCode", "no jurisdiction has code " + code);
                        return null;
                    }
                    if (!rs.getString(2).equals("township")) {
                        report.refuse(line, "jurisdictionCode", code + " is a " + rs.getString(2) + "; grids belong to a township");
                        return null;
                    }
                    id = rs.getLong(1);
                }
            }
        } else {
            try (PreparedStatement s = connection.prepareStatement("""
                    SELECT j.id FROM jurisdiction j, (SELECT ST_SetSRID(ST_GeomFromWKB(?), 4326) AS g) p
                    WHERE j.level = 'township' AND j.geom && p.g
                    ORDER BY ST_Area(ST_Intersection(j.geom, p.g)) DESC, j.id LIMIT 1""")) {
                s.setBytes(1, new WKBWriter().write(polygon));
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        report.refuse(line, "geometry", "the grid lies in no township");
                        return null;
                    }
                    id = rs.getLong(1);
                }
            }
        }
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT (?::bigint IS NULL OR ? IN (SELECT id FROM jurisdiction_scope(?::bigint))),
                       EXISTS (SELECT 1 FROM block WHERE jurisdiction_id = ? AND NOT retired)""")) {
            s.setObject(1, scope);
            s.setLong(2, id);
            s.setObject(3, scope);
            s.setLong(4, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    report.refuse(line, "jurisdictionCode", "the grid's township is outside the jurisdiction you may import into");
                    return null;
                }
                if (!rs.getBoolean(2)) {
                    report.refuse(line, "jurisdictionCode", "the grid's township has no blocks yet: import its boundary first");
                    return null;
                }
            }
        }
        return id;
    }

    private void replaceGrids(long township, List<Row> rows) throws SQLException {
        execute("DROP TABLE IF EXISTS import_grid");
        execute("CREATE TEMP TABLE import_grid (line bigint, code text, name text, grid_id bigint, geom geometry) ON COMMIT DROP");
        WKBWriter wkb = new WKBWriter();
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO import_grid (line, code, name, geom) VALUES (?, ?, ?, ST_SetSRID(ST_GeomFromWKB(?), 4326))")) {
            for (Row row : rows) {
                s.setLong(1, row.line());
                s.setString(2, row.code());
                s.setString(3, row.name());
                s.setBytes(4, wkb.write(row.polygon()));
                s.addBatch();
            }
            s.executeBatch();
        }
        // a code used by a grid of another township cannot be taken over
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT i.line, i.code FROM import_grid i JOIN grid g ON g.code = i.code WHERE g.jurisdiction_id <> ? ORDER BY i.line""")) {
            s.setLong(1, township);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    report.refuse(rs.getLong(1), "code", "grid code " + rs.getString(2) + " belongs to a grid of another township");
                }
            }
        }
        execute("DELETE FROM import_grid i USING grid g WHERE g.code = i.code AND g.jurisdiction_id <> " + township);
        execute("UPDATE import_grid i SET grid_id = g.id FROM grid g WHERE g.code = i.code");
        Timestamp now = timestamp();
        // every published grid of the township ends its period in history: changed ones get a new version, the rest go
        try (PreparedStatement s = connection.prepareStatement("""
                INSERT INTO grid_history (grid_id, version, jurisdiction_id, code, name, name_zh, valid_from, valid_to, changed_by, geom)
                SELECT id, version, jurisdiction_id, code, name, name_zh, valid_from, ?, ?, geom FROM grid WHERE jurisdiction_id = ?""")) {
            s.setTimestamp(1, now);
            s.setString(2, username);
            s.setLong(3, township);
            s.executeUpdate();
        }
        execute("DELETE FROM grid_block WHERE block_id IN (SELECT id FROM block WHERE jurisdiction_id = " + township + ")");
        try (PreparedStatement s = connection.prepareStatement("""
                UPDATE grid g SET name = i.name, version = g.version + 1, valid_from = ?, geom = ST_Multi(i.geom)
                FROM import_grid i WHERE i.grid_id = g.id""")) {
            s.setTimestamp(1, now);
            report.updated += s.executeUpdate();
        }
        try (PreparedStatement s = connection.prepareStatement("""
                WITH inserted AS (
                    INSERT INTO grid (jurisdiction_id, county_code, code, name, valid_from, geom)
                    SELECT j.id, j.county_code, i.code, i.name, ?, ST_Multi(i.geom) FROM import_grid i, jurisdiction j
                    WHERE i.grid_id IS NULL AND j.id = ? RETURNING id, code)
                UPDATE import_grid i SET grid_id = inserted.id FROM inserted WHERE inserted.code = i.code""")) {
            s.setTimestamp(1, now);
            s.setLong(2, township);
            report.inserted += s.executeUpdate();
        }
        // each active block to the imported grid covering most of it
        execute("""
                INSERT INTO grid_block (grid_id, block_id)
                SELECT DISTINCT ON (b.id) i.grid_id, b.id FROM block b JOIN import_grid i ON i.geom && b.geom AND ST_Intersects(i.geom, b.geom)
                WHERE b.jurisdiction_id = %d AND NOT b.retired AND ST_Area(ST_Intersection(i.geom, b.geom)) > 0
                ORDER BY b.id, ST_Area(ST_Intersection(i.geom, b.geom)) DESC, i.grid_id""".formatted(township));
        findings(township);
        List<Long> removed = longs("SELECT id FROM grid WHERE jurisdiction_id = " + township
                + " AND id NOT IN (SELECT grid_id FROM import_grid)");
        for (long id : removed) {
            execute("UPDATE household SET grid_id = NULL WHERE grid_id = " + id);
            execute("UPDATE rental_property SET grid_id = NULL WHERE grid_id = " + id);
            execute("UPDATE key_place SET grid_id = NULL WHERE grid_id = " + id);
            execute("DELETE FROM grid_team_member WHERE grid_id = " + id);
            execute("DELETE FROM grid WHERE id = " + id);
        }
        // a grid that got no block keeps its imported polygon as geometry until blocks are cut there
        new GridGeometry(connection).refresh(township);
        new RegisterAssigner(connection).assign(township);
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO grid_publication (jurisdiction_id, published_by, published_at) VALUES (?, ?, ?)")) {
            s.setLong(1, township);
            s.setString(2, username);
            s.setTimestamp(3, now);
            s.executeUpdate();
        }
    }

    private void findings(long township) throws SQLException {
        List<String> differing = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT i.code, ST_Area(i.geom::geography), COALESCE(ST_Area(ST_Union(b.geom)::geography), 0)
                FROM import_grid i LEFT JOIN grid_block gb ON gb.grid_id = i.grid_id LEFT JOIN block b ON b.id = gb.block_id
                GROUP BY i.code, i.geom ORDER BY i.code""")) {
            while (rs.next()) {
                double polygon = rs.getDouble(2), blocks = rs.getDouble(3);
                if (Math.abs(blocks - polygon) > AREA_TOLERANCE * polygon) {
                    differing.add(rs.getString(1));
                }
            }
        }
        if (!differing.isEmpty()) {
            report.finding(new ImportFinding("grid-area-differs", String.format(Locale.ROOT,
                    "%d grids differ in area from the blocks they got by more than %.0f %%: the blocks do not follow their boundaries",
                    differing.size(), AREA_TOLERANCE * 100), differing));
        }
        List<String> cut = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT b.id FROM block b JOIN import_grid i ON i.geom && b.geom
                WHERE b.jurisdiction_id = %d AND NOT b.retired
                GROUP BY b.id, b.geom
                HAVING count(*) FILTER (WHERE ST_Area(ST_Intersection(i.geom, b.geom)) > %s * ST_Area(b.geom)) > 1
                ORDER BY b.id""".formatted(township, CUT_SHARE))) {
            while (rs.next()) {
                cut.add(Long.toString(rs.getLong(1)));
            }
        }
        if (!cut.isEmpty()) {
            report.finding(new ImportFinding("boundary-cuts-blocks", cut.size()
                    + " blocks are cut by an imported grid boundary (each went whole to the grid covering most of it): "
                    + "split them in a plan where the boundary must stay", cut));
        }
    }

    private Timestamp timestamp() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT clock_timestamp()::timestamp")) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    private List<Long> longs(String sql) throws SQLException {
        return Jdbc.queryList(connection, sql, Jdbc.NO_PARAMETERS, rs -> rs.getLong(1));
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
