package org.gridpatrol.data.imports;

import org.gridpatrol.data.block.BlockDeriver;
import org.gridpatrol.geo.crs.CoordinateSystem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Kind {@code jurisdictions}: rows of level, code, name, parent code and a polygon, upserted by code.
 * Parents are found in the file or the database and must be one level up (county → township →
 * village); a child more than 1 % of whose area lies outside its parent is refused, and so are the
 * children of a refused row. With a scope, only jurisdictions below the scope are accepted.
 * Townships that are new or whose boundary changed get their blocks derived ({@link BlockDeriver},
 * grid membership kept by largest overlap) in the same transaction, and a publication is recorded for
 * them so that plans drawn on their old blocks are refused at publish.
 */
final class JurisdictionImport {

    static final double OUTSIDE_PARENT_TOLERANCE = 0.01;
    private static final List<String> LEVELS = List.of("county", "township", "village");

    private record Row(long line, String level, String code, String name, String parentCode, MultiPolygon geom) {
    }

    private record Existing(long id, String level, String countyCode, Geometry geom) {
    }

    private final Connection connection;
    private final ReportBuilder report;
    private final Long scope;
    private final WKBReader wkbReader = new WKBReader(new GeometryFactory());
    private final WKBWriter wkbWriter = new WKBWriter();

    JurisdictionImport(Connection connection, ReportBuilder report, Long scope) {
        this.connection = connection;
        this.report = report;
        this.scope = scope;
    }

    /** Reads every row (boundaries are few), checks and upserts them; returns the townships whose blocks must be derived. */
    List<Long> run(RowSource source, ColumnMap columns, CoordinateSystem system, ImportProgress progress) throws SQLException {
        Map<String, Row> byCode = new LinkedHashMap<>();
        SourceRow raw;
        while ((raw = source.next()) != null) {
            report.rows++;
            if (report.rows % 100 == 0) {
                PostgisImports.checkCancelled(progress);
                progress.update("reading", report.rows, -1);
            }
            Row row = parse(raw, columns, system);
            if (row == null) {
                continue;
            }
            if (byCode.containsKey(row.code())) {
                report.refuse(row.line(), "code", "code " + row.code() + " appears again (first on line " + byCode.get(row.code()).line() + ")");
                continue;
            }
            byCode.put(row.code(), row);
        }
        progress.update("checking", 0, byCode.size());
        List<Long> changedTownships = new ArrayList<>();
        Map<String, Existing> written = new HashMap<>();
        for (String level : LEVELS) {
            for (Row row : byCode.values()) {
                if (row.level().equals(level)) {
                    Long changed = write(row, byCode, written);
                    if (changed != null && level.equals("township")) {
                        changedTownships.add(changed);
                    }
                }
            }
        }
        return changedTownships;
    }

    private Row parse(SourceRow raw, ColumnMap columns, CoordinateSystem system) {
        String level = level(columns.get(raw, "level"));
        String code = columns.get(raw, "code");
        String name = columns.get(raw, "name");
        if (level == null) {
            report.refuse(raw.line(), "level", "level '" + columns.get(raw, "level") + "' is none of county (县/区), township (乡/镇/街道), village (村/社区)");
            return null;
        }
        if (code == null || code.length() > 64) {
            report.refuse(raw.line(), "code", code == null ? "the code is empty" : "the code is longer than 64 characters");
            return null;
        }
        if (name == null || name.length() > 200) {
            report.refuse(raw.line(), "name", name == null ? "the name is empty" : "the name is longer than 200 characters");
            return null;
        }
        Geometry geometry = raw.geometry();
        if (geometry == null && columns.has("wkt")) {
            geometry = WktValue.read(columns.get(raw, "wkt"));
        }
        GeometryCheck.Result checked = GeometryCheck.polygon(geometry, system);
        if (checked.problem() != null) {
            report.refuse(raw.line(), "geometry", checked.problem());
            return null;
        }
        String parent = columns.get(raw, "parentCode");
        if (!level.equals("county") && parent == null) {
            report.refuse(raw.line(), "parentCode", "a " + level + " needs the code of its " + LEVELS.get(LEVELS.indexOf(level) - 1));
            return null;
        }
        return new Row(raw.line(), level, code, name, level.equals("county") ? null : parent, checked.polygon());
    }

    static String level(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "county", "district", "县", "区", "县级", "县区", "市辖区", "县级市", "旗" -> "county";
            case "township", "town", "street", "subdistrict", "乡", "镇", "乡镇", "街道", "乡级", "苏木" -> "township";
            case "village", "community", "村", "社区", "村级", "居委会", "村委会", "嘎查" -> "village";
            default -> null;
        };
    }

    /** Upserts one row; returns its id when it is new or its boundary changed, else null (also when refused). */
    private Long write(Row row, Map<String, Row> inFile, Map<String, Existing> written) throws SQLException {
        Existing parent = null;
        if (row.parentCode() != null) {
            parent = written.get(row.parentCode());
            if (parent == null) {
                if (inFile.containsKey(row.parentCode())) {
                    report.refuse(row.line(), "parentCode", "its parent " + row.parentCode() + " was refused");
                    return null;
                }
                parent = existing(row.parentCode());
            }
            if (parent == null) {
                report.refuse(row.line(), "parentCode", "no jurisdiction has code " + row.parentCode() + ", in the file or the database");
                return null;
            }
            String expected = LEVELS.get(LEVELS.indexOf(row.level()) - 1);
            if (!parent.level().equals(expected)) {
                report.refuse(row.line(), "parentCode", "the parent of a " + row.level() + " must be a " + expected + ", "
                        + row.parentCode() + " is a " + parent.level());
                return null;
            }
            double outside = row.geom().difference(parent.geom()).getArea() / row.geom().getArea();
            if (outside > OUTSIDE_PARENT_TOLERANCE) {
                report.refuse(row.line(), "geometry", String.format(Locale.ROOT,
                        "%.0f %% of %s lies outside its parent %s", outside * 100, row.code(), row.parentCode()));
                return null;
            }
        }
        if (scope != null && (parent == null || !inScope(parent.id()))) {
            report.refuse(row.line(), "parentCode", "outside the jurisdiction you may import into");
            return null;
        }
        Existing before = existing(row.code());
        if (before != null && scope != null && !inScope(before.id())) {
            report.refuse(row.line(), "code", "jurisdiction " + row.code() + " exists outside the jurisdiction you may import into");
            return null;
        }
        String countyCode = parent == null ? row.code() : parent.countyCode();
        byte[] wkb = wkbWriter.write(row.geom());
        long id;
        boolean geometryChanged;
        if (before == null) {
            try (PreparedStatement s = connection.prepareStatement("""
                    INSERT INTO jurisdiction (code, name, level, parent_id, county_code, geom)
                    VALUES (?, ?, ?, ?, ?, ST_SetSRID(ST_GeomFromWKB(?), 4326)) RETURNING id""")) {
                s.setString(1, row.code());
                s.setString(2, row.name());
                s.setString(3, row.level());
                s.setObject(4, parent == null ? null : parent.id());
                s.setString(5, countyCode);
                s.setBytes(6, wkb);
                id = single(s);
            }
            report.inserted++;
            geometryChanged = true;
        } else {
            id = before.id();
            geometryChanged = !before.geom().norm().equalsExact(row.geom().norm(), 1e-9); // ring order and start point do not count
            int changed;
            try (PreparedStatement s = connection.prepareStatement("""
                    UPDATE jurisdiction SET name = ?, level = ?, parent_id = ?, county_code = ?,
                           geom = CASE WHEN ? THEN ST_SetSRID(ST_GeomFromWKB(?), 4326) ELSE geom END
                    WHERE id = ? AND (? OR name IS DISTINCT FROM ? OR level IS DISTINCT FROM ? OR parent_id IS DISTINCT FROM ?)""")) {
                s.setString(1, row.name());
                s.setString(2, row.level());
                s.setObject(3, parent == null ? null : parent.id());
                s.setString(4, countyCode);
                s.setBoolean(5, geometryChanged);
                s.setBytes(6, wkb);
                s.setLong(7, id);
                s.setBoolean(8, geometryChanged);
                s.setString(9, row.name());
                s.setString(10, row.level());
                s.setObject(11, parent == null ? null : parent.id());
                changed = s.executeUpdate();
            }
            if (changed > 0) {
                report.updated++;
            } else {
                report.unchanged++;
            }
        }
        written.put(row.code(), new Existing(id, row.level(), countyCode, row.geom()));
        return geometryChanged ? id : null;
    }

    private boolean inScope(long id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT ? IN (SELECT id FROM jurisdiction_scope(?))")) {
            s.setLong(1, id);
            s.setLong(2, scope);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private Existing existing(String code) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT id, level, county_code, ST_AsBinary(geom) FROM jurisdiction WHERE code = ?")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Existing(rs.getLong(1), rs.getString(2), rs.getString(3), wkbReader.read(rs.getBytes(4)));
            }
        } catch (ParseException e) {
            throw new SQLException("PostGIS returned unreadable WKB", e);
        }
    }

    private static long single(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Cuts the townships into blocks as the OSM sample path does; records a publication where grids existed. */
    void deriveBlocks(List<Long> townships, String username, ImportProgress progress) throws SQLException {
        int done = 0;
        for (long township : townships) {
            progress.update("placing", done++, townships.size());
            boolean hadBlocks;
            try (PreparedStatement s = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM block WHERE jurisdiction_id = ?)")) {
                s.setLong(1, township);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    hadBlocks = rs.getBoolean(1);
                }
            }
            new BlockDeriver(connection).derive(township);
            if (hadBlocks) {
                try (PreparedStatement s = connection.prepareStatement(
                        "INSERT INTO grid_publication (jurisdiction_id, published_by) VALUES (?, ?)")) {
                    s.setLong(1, township);
                    s.setString(2, username);
                    s.executeUpdate();
                }
            }
        }
    }
}
