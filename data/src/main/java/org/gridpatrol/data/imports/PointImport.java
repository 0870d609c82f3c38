package org.gridpatrol.data.imports;

import org.gridpatrol.data.block.RegisterAssigner;
import org.gridpatrol.geo.crs.CoordinateSystem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Point;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Kinds {@code households}, {@code rentals}, {@code keyplaces} and {@code addresses}: points, streamed.
 * Each row is checked and converted in Java (fields as a register edit checks them, the position to
 * WGS84, its township found in memory by {@link TownshipLocator}: outside the scope or in no
 * township is refused, and a position that fits only with longitude and latitude exchanged is named
 * as swapped) and copied into a temporary staging table; the rest is set-based SQL in the same
 * transaction: rows without coordinates are placed on the door plate of the same normalised address
 * ({@link AddressText}) or kept in {@code import_unplaced}; repeated external ids are refused; rows
 * are matched by external id within the county and updated (blank cells keep the stored value),
 * the others inserted; then {@link RegisterAssigner} puts the registers of every township touched
 * into their blocks and grids, as after a register edit.
 */
final class PointImport {

    private static final String STAGE = "import_stage";

    private final Connection connection;
    private final ImportRequest request;
    private final ReportBuilder report;
    private final ImportKind kind;
    private final List<PointColumns.Column> columns;
    private final String table;

    PointImport(Connection connection, ImportRequest request, ReportBuilder report) {
        this.connection = connection;
        this.request = request;
        this.report = report;
        this.kind = request.kind();
        this.columns = PointColumns.columns(kind);
        this.table = PointColumns.table(kind);
    }

    void run(RowSource source, ColumnMap map, CoordinateSystem system, ImportProgress progress) throws SQLException {
        TownshipLocator townships = new TownshipLocator(connection, request.scope());
        if (townships.size() == 0) {
            throw new ImportFileException(ImportFileException.Reason.MAPPING,
                    "the database has no townships yet: import the jurisdictions (boundaries) first");
        }
        createStage();
        String stageColumns = "line, jurisdiction_id, county_code, lon, lat, source_address, address_norm, external_id, "
                + columns.stream().map(PointColumns.Column::column).collect(Collectors.joining(", "));
        try (StageWriter writer = new StageWriter(connection, STAGE, stageColumns)) {
            SourceRow row;
            while ((row = source.next()) != null) {
                report.rows++;
                if (report.rows % 10_000 == 0) {
                    PostgisImports.checkCancelled(progress);
                    progress.update("reading", report.rows, -1);
                }
                stage(row, map, system, townships, writer);
            }
            writer.finish();
        }
        progress.update("placing", 0, report.rows);
        placeByAddress();
        keepUnplaced();
        refuseRepeatedIds();
        progress.update("writing", 0, report.rows);
        upsert();
        if (!request.dryRun() && kind != ImportKind.ADDRESSES) {
            List<Long> touched = longs("SELECT DISTINCT jurisdiction_id FROM " + STAGE + " ORDER BY 1");
            int done = 0;
            for (long township : touched) {
                progress.update("placing", done++, touched.size());
                new RegisterAssigner(connection).assign(township);
            }
        }
    }

    private void createStage() throws SQLException {
        String typed = columns.stream().map(c -> c.column() + " " + c.sqlType()).collect(Collectors.joining(", "));
        execute("DROP TABLE IF EXISTS " + STAGE);
        execute("CREATE TEMP TABLE " + STAGE + " (line bigint, jurisdiction_id bigint, county_code text, lon float8, lat float8, "
                + "source_address text, address_norm text, external_id text, target_id bigint, " + typed + ") ON COMMIT DROP");
    }

    private void stage(SourceRow row, ColumnMap map, CoordinateSystem system, TownshipLocator townships, StageWriter writer)
            throws SQLException {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            PointColumns.Column column = columns.get(i);
            if (!map.has(column.field())) {
                continue;
            }
            try {
                values[i] = PointColumns.value(kind, column, map.get(row, column.field()));
            } catch (IllegalArgumentException e) {
                report.refuse(row.line(), column.field(), e.getMessage());
                return;
            }
        }
        for (String required : KindFields.required(kind)) {
            int i = indexOf(required);
            if (i >= 0 && values[i] == null) {
                report.refuse(row.line(), required, required + " is empty");
                return;
            }
        }
        String externalId = map.get(row, "externalId");
        if (externalId != null && externalId.length() > 100) {
            report.refuse(row.line(), "externalId", "externalId must have at most 100 characters");
            return;
        }
        String address = map.get(row, "address");
        Position position = position(row, map);
        if (position.problem() != null) {
            report.refuse(row.line(), position.field(), position.problem());
            return;
        }
        Long township = null;
        String county = null;
        Double lon = null, lat = null;
        if (position.x() != null) {
            Coordinate wgs84;
            try {
                wgs84 = system.toWgs84(new Coordinate(position.x(), position.y()));
            } catch (RuntimeException e) {
                report.refuse(row.line(), position.field(), "cannot convert from " + system.id() + ": " + e.getMessage());
                return;
            }
            TownshipLocator.Township t = Double.isFinite(wgs84.x) && Double.isFinite(wgs84.y) ? townships.locate(wgs84.x, wgs84.y) : null;
            if (t == null) {
                report.refuse(row.line(), position.field(), outsideReason(position, system, townships, wgs84));
                return;
            }
            if (!t.inScope()) {
                report.refuse(row.line(), position.field(), "the position lies outside the jurisdiction you may import into");
                return;
            }
            township = t.id();
            county = t.countyCode();
            lon = wgs84.x;
            lat = wgs84.y;
        } else if (address == null || kind == ImportKind.ADDRESSES) {
            report.refuse(row.line(), kind == ImportKind.ADDRESSES ? position.field() : "address",
                    "no position: the row has neither coordinates nor an address");
            return;
        }
        writer.value(row.line()).value(township).value(county).value(lon).value(lat).value(address)
                .value(AddressText.normalise(address)).value(externalId);
        for (Object v : values) {
            writer.value(v);
        }
        writer.endRow();
    }

    private record Position(Double x, Double y, String field, String problem) {
    }

    private Position position(SourceRow row, ColumnMap map) {
        Geometry g = row.geometry();
        String field = "geometry";
        if (g == null && map.has("wkt")) {
            g = WktValue.read(map.get(row, "wkt"));
            field = "wkt";
        }
        if (g != null) {
            if (g instanceof BrokenGeometry broken) {
                return new Position(null, null, field, "broken geometry: " + broken.reason());
            }
            if (g instanceof MultiPoint m && m.getNumGeometries() == 1) {
                g = m.getGeometryN(0);
            }
            if (!(g instanceof Point p) || p.isEmpty()) {
                return new Position(null, null, field, "expected a point, got a " + g.getGeometryType());
            }
            return new Position(p.getX(), p.getY(), field, null);
        }
        if (map.has("lon")) {
            String lon = map.get(row, "lon");
            String lat = map.get(row, "lat");
            if (lon == null && lat == null) {
                return new Position(null, null, "lon", null);
            }
            if (lon == null || lat == null) {
                return new Position(null, null, lon == null ? "lon" : "lat", "the row has only one of longitude and latitude");
            }
            Double x = number(lon), y = number(lat);
            if (x == null || y == null) {
                return new Position(null, null, x == null ? "lon" : "lat", (x == null ? "lon" : "lat") + " is not a number");
            }
            return new Position(x, y, "lon", null);
        }
        return new Position(null, null, "lon", null);
    }

    private static Double number(String text) {
        try {
            double d = Double.parseDouble(text.replace('，', '.').replace("°", "").strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Why a position is in no township: swapped axes when they fit exchanged, else where it is. */
    private String outsideReason(Position position, CoordinateSystem system, TownshipLocator townships, Coordinate wgs84) {
        try {
            Coordinate swapped = system.toWgs84(new Coordinate(position.y(), position.x()));
            if (Double.isFinite(swapped.x) && Double.isFinite(swapped.y) && townships.locate(swapped.x, swapped.y) != null) {
                return String.format(Locale.ROOT, "longitude and latitude look swapped: (%s, %s) lies in no township, "
                        + "(%s, %s) does; exchange the lon and lat columns (or their values)", plain(position.x()),
                        plain(position.y()), plain(position.y()), plain(position.x()));
            }
        } catch (RuntimeException e) {
            // the swapped reading is no position at all
        }
        return String.format(Locale.ROOT, "the position (%.6f, %.6f) in WGS84 lies in no township of the database; "
                + "is the coordinate system (%s) right?", wgs84.x, wgs84.y, system.id());
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private int indexOf(String field) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).field().equals(field)) {
                return i;
            }
        }
        return -1;
    }

    /** Rows without coordinates take the position of the one door plate with the same normalised address in scope. */
    private void placeByAddress() throws SQLException {
        if (kind == ImportKind.ADDRESSES) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement("""
                WITH wanted AS (SELECT DISTINCT address_norm FROM import_stage WHERE lon IS NULL AND address_norm <> ''),
                plates AS (
                    SELECT a.address_norm, min(a.id) AS id, count(DISTINCT ST_AsBinary(a.geom)) AS places
                    FROM address_point a JOIN wanted w ON w.address_norm = a.address_norm
                    WHERE ?::bigint IS NULL OR a.jurisdiction_id IN (SELECT id FROM jurisdiction_scope(?::bigint))
                    GROUP BY a.address_norm)
                UPDATE import_stage s SET lon = ST_X(a.geom), lat = ST_Y(a.geom), jurisdiction_id = a.jurisdiction_id,
                       county_code = a.county_code
                FROM plates p JOIN address_point a ON a.id = p.id
                WHERE s.lon IS NULL AND s.address_norm = p.address_norm AND p.places = 1""")) {
            s.setObject(1, request.scope());
            s.setObject(2, request.scope());
            s.executeUpdate();
        }
    }

    /** The rest without a position: listed, kept for placing by hand, and out of the stage. */
    private void keepUnplaced() throws SQLException {
        if (kind == ImportKind.ADDRESSES) {
            return;
        }
        for (long line : longs("SELECT line FROM import_stage WHERE lon IS NULL ORDER BY line LIMIT " + ReportBuilder.MAX_PROBLEMS)) {
            report.unplaced(line, "no coordinates and no door plate with this address: kept to be placed by hand");
        }
        long all = longs("SELECT count(*) FROM import_stage WHERE lon IS NULL").get(0);
        report.unplaced += Math.max(0, all - Math.min(all, ReportBuilder.MAX_PROBLEMS));
        if (all == 0) {
            return;
        }
        String fields = columns.stream().map(c -> "'" + c.field() + "', " + c.column()).collect(Collectors.joining(", "));
        try (PreparedStatement s = connection.prepareStatement("""
                DELETE FROM import_unplaced u USING import_stage s
                WHERE u.kind = ? AND u.external_id = s.external_id""")) {
            s.setString(1, kind.label());
            s.executeUpdate();
        }
        try (PreparedStatement s = connection.prepareStatement("""
                INSERT INTO import_unplaced (kind, jurisdiction_id, external_id, line, address, fields, imported_by)
                SELECT ?, COALESCE(?::bigint, (SELECT min(id) FROM jurisdiction WHERE level = 'county' HAVING count(*) = 1)),
                       external_id, line, source_address, jsonb_strip_nulls(jsonb_build_object(%s)), ?
                FROM import_stage WHERE lon IS NULL""".formatted(fields))) {
            s.setString(1, kind.label());
            s.setObject(2, request.scope());
            s.setString(3, request.username());
            s.executeUpdate();
        }
        execute("DELETE FROM import_stage WHERE lon IS NULL");
    }

    private String key() {
        return kind == ImportKind.ADDRESSES ? "COALESCE('#' || external_id, address_norm)" : "external_id";
    }

    private void refuseRepeatedIds() throws SQLException {
        String repeated = """
                SELECT line, first FROM (SELECT line, min(line) OVER w AS first, row_number() OVER w AS n FROM import_stage
                WHERE %1$s IS NOT NULL WINDOW w AS (PARTITION BY county_code, %1$s ORDER BY line)) x WHERE n > 1 ORDER BY line""".formatted(key());
        boolean any = false;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(repeated)) {
            while (rs.next()) {
                any = true;
                report.refuse(rs.getLong(1), kind == ImportKind.ADDRESSES ? "address" : "externalId",
                        (kind == ImportKind.ADDRESSES ? "the same door plate" : "the same externalId") + " as line " + rs.getLong(2));
            }
        }
        if (any) {
            execute("DELETE FROM import_stage s USING (" + repeated.replace("SELECT line, first FROM", "SELECT line FROM")
                    .replace("ORDER BY line", "") + ") r WHERE s.line = r.line");
        }
    }

    private void upsert() throws SQLException {
        String match = kind == ImportKind.ADDRESSES
                ? "t.county_code = s.county_code AND (t.external_id = s.external_id OR (s.external_id IS NULL AND t.external_id IS NULL AND t.address_norm = s.address_norm))"
                : "t.county_code = s.county_code AND t.external_id = s.external_id";
        execute("UPDATE import_stage s SET target_id = t.id FROM " + table + " t WHERE s." + (kind == ImportKind.ADDRESSES ? "address_norm" : "external_id")
                + " IS NOT NULL AND " + match);
        long matched = longs("SELECT count(*) FROM import_stage WHERE target_id IS NOT NULL").get(0);
        String point = "ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326)";
        List<String> sets = new ArrayList<>();
        List<String> olds = new ArrayList<>();
        List<String> news = new ArrayList<>();
        for (PointColumns.Column c : columns) {
            sets.add(c.column() + " = COALESCE(s." + c.column() + ", t." + c.column() + ")");
            olds.add("t." + c.column());
            news.add("COALESCE(s." + c.column() + ", t." + c.column() + ")");
        }
        if (kind == ImportKind.ADDRESSES) {
            sets.add("address_norm = s.address_norm");
        }
        if (PointColumns.register(kind) != null) {
            sets.add("version = t.version + 1");
        }
        sets.add("geom = " + point);
        sets.add("jurisdiction_id = s.jurisdiction_id");
        sets.add("county_code = s.county_code");
        olds.addAll(List.of("t.geom", "t.jurisdiction_id"));
        news.addAll(List.of(point, "s.jurisdiction_id"));
        long updated;
        try (Statement s = connection.createStatement()) {
            updated = s.executeUpdate("UPDATE " + table + " t SET " + String.join(", ", sets) + " FROM import_stage s WHERE t.id = s.target_id AND ("
                    + String.join(", ", olds) + ") IS DISTINCT FROM (" + String.join(", ", news) + ")");
        }
        List<String> insertColumns = new ArrayList<>(List.of("jurisdiction_id", "county_code", "external_id", "geom"));
        List<String> selects = new ArrayList<>(List.of("s.jurisdiction_id", "s.county_code", "s.external_id", point));
        for (PointColumns.Column c : columns) {
            insertColumns.add(c.column());
            selects.add(c.insertDefault() == null ? "s." + c.column() : "COALESCE(s." + c.column() + ", " + c.insertDefault() + ")");
        }
        if (kind == ImportKind.ADDRESSES) {
            insertColumns.add("address_norm");
            selects.add("s.address_norm");
        }
        long inserted;
        try (Statement s = connection.createStatement()) {
            inserted = s.executeUpdate("INSERT INTO " + table + " (" + String.join(", ", insertColumns) + ") SELECT "
                    + String.join(", ", selects) + " FROM import_stage s WHERE s.target_id IS NULL ORDER BY s.line");
        }
        report.inserted += inserted;
        report.updated += updated;
        report.unchanged += matched - updated;
    }

    private List<Long> longs(String sql) throws SQLException {
        List<Long> result = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                result.add(rs.getLong(1));
            }
        }
        return result;
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
