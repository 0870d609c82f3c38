package org.gridpatrol.data.imports;

import org.gridpatrol.data.block.RegisterAssigner;
import org.gridpatrol.data.postgis.Jdbc;
import org.gridpatrol.geo.crs.CoordinateSystem;
import org.locationtech.jts.geom.Coordinate;

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
 * into their blocks and grids, as after a register edit. On a county's first import of a kind (no
 * stored external id could match) the rows whose block is found go straight into the table through
 * {@link DirectRows} while the file streams; only the others are staged. The townships in scope are locked
 * {@code FOR SHARE} first, as a register edit locks its township: a publish of one of them (which
 * holds it {@code FOR UPDATE}) is waited for, and a publish started meanwhile waits for the import.
 */
final class PointImport {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PointImport.class);
    private static final String STAGE = "import_stage";
    /** Rows held for the stage while the direct COPY runs: beyond this, the rest of the file is staged. */
    private static final long MAX_HELD = 32L << 20;

    private final Connection connection;
    private final ImportRequest request;
    private final ReportBuilder report;
    private final ImportKind kind;
    private final List<PointColumns.Column> columns;
    private final String table;
    private DirectRows direct;

    PointImport(Connection connection, ImportRequest request, ReportBuilder report) {
        this.connection = connection;
        this.request = request;
        this.report = report;
        this.kind = request.kind();
        this.columns = PointColumns.columns(kind);
        this.table = PointColumns.table(kind);
    }

    void run(RowSource source, ColumnMap map, CoordinateSystem system, ImportProgress progress) throws SQLException {
        long t0 = System.nanoTime();
        TownshipLocator townships = new TownshipLocator(connection, request.scope());
        if (townships.size() == 0) {
            throw new ImportFileException(ImportFileException.Reason.MAPPING,
                    "the database has no townships yet: import the jurisdictions (boundaries) first");
        }
        if (kind != ImportKind.ADDRESSES) {
            // rows are written with their block's grid as read now: a publish of a township in scope must not be
            // under way (it holds the township FOR UPDATE until it commits) nor start before this import commits
            shareTownships();
        }
        BlockPlacer blocks = kind == ImportKind.ADDRESSES ? null : new BlockPlacer(connection, request.scope());
        // the stage is sorted by block before the insert and grouped for repeated ids: in memory, not in 4 MB runs on disk
        execute("SET LOCAL work_mem = '256MB'");
        createStage();
        String stageColumns = "line, jurisdiction_id, county_code, lon, lat, block_id, grid_id, source_address, address_norm, external_id, "
                + columns.stream().map(PointColumns.Column::column).collect(Collectors.joining(", "));
        direct = DirectRows.open(connection, kind, table, columns, townships, blocks);
        try (DirectRows copying = direct;
             StageWriter writer = direct == null ? StageWriter.started(connection, STAGE, stageColumns)
                     : StageWriter.deferred(connection, STAGE, stageColumns)) {
            SourceRow row;
            while ((row = source.next()) != null) {
                report.rows++;
                if (report.rows % 10_000 == 0) {
                    PostgisImports.checkCancelled(progress);
                    progress.update("reading", report.rows, -1);
                }
                stage(row, map, system, townships, blocks, writer);
                if (direct != null && direct.open() && writer.pendingBytes() > MAX_HELD) {
                    // many rows without position or block: end the direct COPY (one COPY per connection) and stage the rest
                    report.inserted += direct.finish();
                    writer.start();
                }
            }
            if (direct != null && direct.open()) {
                report.inserted += direct.finish();
            }
            writer.finish();
        }
        long t1 = System.nanoTime();
        execute("ANALYZE " + STAGE); // a temporary table has no statistics: without them the joins below plan as if it were tiny
        progress.update("placing", 0, report.rows);
        if (kind != ImportKind.ADDRESSES) {
            AddressPlacement addresses = new AddressPlacement(connection, request, report, columns);
            addresses.placeOnDoorPlates();
            addresses.keepUnplaced(direct == null ? java.util.Set.of() : direct.replacedUnplaced());
        }
        refuseRepeatedIds();
        if (direct != null) {
            report.inserted -= direct.settle(connection, STAGE, report);
        }
        long t2 = System.nanoTime();
        progress.update("writing", 0, report.rows);
        upsert(map);
        long t3 = System.nanoTime();
        if (!request.dryRun() && kind != ImportKind.ADDRESSES) {
            // rows placed on a door plate, and points a hair outside every block: the assigner's full rules
            List<Long> touched = longs("SELECT DISTINCT jurisdiction_id FROM " + STAGE + " WHERE block_id IS NULL ORDER BY 1");
            int done = 0;
            for (long township : touched) {
                progress.update("placing", done++, touched.size());
                new RegisterAssigner(connection).assign(township);
            }
        }
        long t4 = System.nanoTime();
        LOG.info("Import of {} rows of {}: read, checked and staged {} s, address matching and repeats {} s, upsert {} s, "
                        + "blocks and grids {} s", report.rows, kind.label(), seconds(t1 - t0), seconds(t2 - t1), seconds(t3 - t2), seconds(t4 - t3));
    }

    /** Shares the jurisdiction rows in scope (all without one) in id order, as register edits do: waits for running publishes. */
    private void shareTownships() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT id FROM jurisdiction WHERE ?::bigint IS NULL OR id IN (SELECT id FROM jurisdiction_scope(?::bigint))
                ORDER BY id FOR SHARE""")) {
            s.setObject(1, request.scope());
            s.setObject(2, request.scope());
            s.executeQuery().close();
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
    }

    private void createStage() throws SQLException {
        String typed = columns.stream().map(c -> c.column() + " " + c.sqlType()).collect(Collectors.joining(", "));
        execute("DROP TABLE IF EXISTS " + STAGE);
        execute("CREATE TEMP TABLE " + STAGE + " (line bigint, jurisdiction_id bigint, county_code text, lon float8, lat float8, "
                + "block_id bigint, grid_id bigint, "
                + "source_address text, address_norm text, external_id text, target_id bigint, " + typed + ") ON COMMIT DROP");
    }

    private void stage(SourceRow row, ColumnMap map, CoordinateSystem system, TownshipLocator townships, BlockPlacer blocks,
                       StageWriter writer) throws SQLException {
        String[] cells = new String[columns.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = map.get(row, columns.get(i).field());
        }
        Object[] values;
        try {
            values = PointColumns.values(kind, columns, cells);
        } catch (PointColumns.FieldProblem problem) {
            report.refuse(row.line(), problem.field, problem.getMessage());
            return;
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
        RowPosition position = RowPosition.of(row, map);
        if (position.problem() != null) {
            report.refuse(row.line(), position.field(), position.problem());
            return;
        }
        Long township = null;
        String county = null;
        Double lon = null, lat = null;
        Long block = null, grid = null;
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
                report.refuse(row.line(), position.field(), position.outsideReason(system, townships, wgs84));
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
            if (blocks != null) {
                long b = blocks.block(lon, lat);
                block = b < 0 ? null : b;
                grid = b < 0 ? null : blocks.grid(b);
            }
            if (direct != null) {
                boolean copy = direct.open() && block != null;
                Long first = direct.firstLine(county, externalId, row.line(), copy);
                if (first != null) {
                    report.refuse(row.line(), "externalId", "the same externalId as line " + first);
                    return;
                }
                if (copy) {
                    direct.copy(township, county, externalId, lon, lat, values, block, grid);
                    return;
                }
            }
        } else if (address == null || kind == ImportKind.ADDRESSES) {
            report.refuse(row.line(), kind == ImportKind.ADDRESSES ? position.field() : "address",
                    "no position: the row has neither coordinates nor an address");
            return;
        }
        writer.value(row.line()).value(township).value(county).value(lon).value(lat).value(block).value(grid).value(address)
                .value(AddressText.normalise(address)).value(externalId);
        for (Object v : values) {
            writer.value(v);
        }
        writer.endRow();
    }

    private int indexOf(String field) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).field().equals(field)) {
                return i;
            }
        }
        return -1;
    }

    private String key() {
        return kind == ImportKind.ADDRESSES ? "COALESCE('#' || external_id, address_norm)" : "external_id";
    }

    private void refuseRepeatedIds() throws SQLException {
        String repeats = """
                SELECT line, first FROM (SELECT line, min(line) OVER w AS first, row_number() OVER w AS n FROM import_stage
                WHERE %1$s IS NOT NULL WINDOW w AS (PARTITION BY county_code, %1$s ORDER BY line)) x WHERE n > 1""".formatted(key());
        boolean any = false;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(repeats + " ORDER BY line")) {
            while (rs.next()) {
                any = true;
                report.refuse(rs.getLong(1), kind == ImportKind.ADDRESSES ? "address" : "externalId",
                        (kind == ImportKind.ADDRESSES ? "the same door plate" : "the same externalId") + " as line " + rs.getLong(2));
            }
        }
        if (any) {
            // the rows just listed, and only those: the first of each id stays (the window keeps its ORDER BY line)
            execute("DELETE FROM import_stage s USING (" + repeats + ") r WHERE s.line = r.line");
        }
    }

    private void upsert(ColumnMap map) throws SQLException {
        String point = "ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326)";
        List<String> insertColumns = new ArrayList<>(List.of("jurisdiction_id", "county_code", "external_id", "geom"));
        List<String> selects = new ArrayList<>(List.of("s.jurisdiction_id", "s.county_code", "s.external_id", point));
        for (PointColumns.Column c : columns) {
            insertColumns.add(c.column());
            selects.add(c.insertDefault() == null ? "s." + c.column() : "COALESCE(s." + c.column() + ", " + c.insertDefault() + ")");
        }
        if (kind == ImportKind.ADDRESSES) {
            insertColumns.add("address_norm");
            selects.add("s.address_norm");
        } else {
            if (kind != ImportKind.KEYPLACES) {
                insertColumns.add("block_id");
                selects.add("s.block_id");
            }
            insertColumns.add("grid_id");
            selects.add("s.grid_id");
        }
        String insert = "INSERT INTO " + table + " AS t (" + String.join(", ", insertColumns) + ") SELECT " + String.join(", ", selects)
                + " FROM import_stage s %s ORDER BY "
                // block order is spatial order (blocks are numbered west to east): the GiST index grows page by page
                + (kind == ImportKind.ADDRESSES ? "s.jurisdiction_id, s.lon" : "s.block_id, s.line");
        String matchable = "SELECT 1 FROM " + table + " t WHERE t.county_code IN (SELECT DISTINCT county_code FROM import_stage)"
                + (kind == ImportKind.ADDRESSES ? "" : " AND t.external_id IS NOT NULL") + " LIMIT 1";
        if (direct != null || longs(matchable).isEmpty()) {
            // nothing stored could match (with the direct path: nothing before this import, and the stage repeats no copied id)
            try (Statement s = connection.createStatement()) {
                report.inserted += s.executeUpdate(insert.formatted(""));
            }
            return;
        }
        long staged = longs("SELECT count(*) FROM import_stage").get(0);
        if (kind == ImportKind.ADDRESSES) {
            upsertDoorPlates(insert, point, staged);
            return;
        }
        // one pass: insert, or update the row of the same external id in the county when a value differs.
        // A blank cell keeps the stored value; an unmapped column is left alone.
        List<String> sets = new ArrayList<>();
        List<String> olds = new ArrayList<>(List.of("t.geom", "t.jurisdiction_id"));
        List<String> news = new ArrayList<>(List.of("EXCLUDED.geom", "EXCLUDED.jurisdiction_id"));
        for (PointColumns.Column c : columns) {
            if (map.has(c.field())) {
                String value = c.insertDefault() == null ? "COALESCE(EXCLUDED." + c.column() + ", t." + c.column() + ")" : "EXCLUDED." + c.column();
                sets.add(c.column() + " = " + value);
                olds.add("t." + c.column());
                news.add(value);
            }
        }
        if (PointColumns.register(kind) != null) {
            sets.add("version = t.version + 1");
            sets.add("block_id = EXCLUDED.block_id");
        }
        sets.addAll(List.of("grid_id = EXCLUDED.grid_id", "geom = EXCLUDED.geom", "jurisdiction_id = EXCLUDED.jurisdiction_id",
                "county_code = EXCLUDED.county_code"));
        String sql = "WITH written AS (" + insert.formatted("") + " ON CONFLICT (county_code, external_id) WHERE external_id IS NOT NULL"
                + " DO UPDATE SET " + String.join(", ", sets) + " WHERE (" + String.join(", ", olds) + ") IS DISTINCT FROM ("
                + String.join(", ", news) + ") RETURNING (t.xmax = 0) AS inserted)"
                + " SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM written";
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            report.inserted += rs.getLong(1);
            report.updated += rs.getLong(2);
            report.unchanged += staged - rs.getLong(1) - rs.getLong(2);
        }
    }

    /** Door plates match by external id, or by normalised address when they have none: two keys, so two steps. */
    private void upsertDoorPlates(String insert, String point, long staged) throws SQLException {
        execute("""
                UPDATE import_stage s SET target_id = t.id FROM address_point t WHERE t.county_code = s.county_code
                  AND (t.external_id = s.external_id OR (s.external_id IS NULL AND t.external_id IS NULL AND t.address_norm = s.address_norm))""");
        long matched = longs("SELECT count(*) FROM import_stage WHERE target_id IS NOT NULL").get(0);
        try (Statement s = connection.createStatement()) {
            long updated = s.executeUpdate("UPDATE address_point t SET address = s.address, address_norm = s.address_norm, geom = " + point
                    + ", jurisdiction_id = s.jurisdiction_id, county_code = s.county_code FROM import_stage s WHERE t.id = s.target_id"
                    + " AND (t.address, t.geom, t.jurisdiction_id) IS DISTINCT FROM (s.address, " + point + ", s.jurisdiction_id)");
            report.updated += updated;
            report.unchanged += matched - updated;
            report.inserted += s.executeUpdate(insert.formatted("WHERE s.target_id IS NULL"));
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
