package org.gridpatrol.data.imports;

import org.gridpatrol.data.postgis.Jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pipelined path of a register or key place import (ADR 0044). When no row of the kind's table in
 * the counties of the database's townships has an external id (a county's first import), no row of the
 * file can be an update; a row whose block {@link BlockPlacer} found is then copied straight into the
 * table with {@code COPY} while the file streams — PostgreSQL inserts it (heap, indexes, foreign keys)
 * while the next rows are decoded and checked — instead of being staged and inserted by a second
 * statement after the whole file was read. Rows without a position or a block still go through the
 * stage (door plates, {@code RegisterAssigner}).
 * <p>
 * What the staged path checks in SQL is checked here as rows pass: a repeated external id within a
 * county is refused with the line it repeats, the first row in file order winning ({@link #firstLine});
 * staged rows that took a door plate's position are reconciled with the copied rows afterwards
 * ({@link #settle}). Values are written as the staged insert writes them (blank counts and flags as
 * their defaults). Where {@link SetWiseReferences} applies, the foreign keys are checked once for the
 * whole copy instead of once per row. Memory: one map entry per external id, about 120 bytes each.
 */
final class DirectRows implements AutoCloseable {

    private final ImportKind kind;
    private final String table;
    private final List<PointColumns.Column> columns;
    private final StageWriter writer;
    /** county + NUL + external id → first line with a position; negative when that row was staged, not copied. */
    private final Map<String, Long> firstLines = new HashMap<>(1 << 16);
    private final Set<String> keptUnplaced;
    private final Set<String> replacedUnplaced = new HashSet<>();
    private final StringBuilder hex = new StringBuilder(50);
    private final SetWiseReferences references;
    private long copied;
    private boolean finished;

    private DirectRows(Connection c, ImportKind kind, String table, List<PointColumns.Column> columns, TownshipLocator townships,
                       BlockPlacer blocks) throws SQLException {
        this.kind = kind;
        this.table = table;
        this.columns = columns;
        List<String> names = new ArrayList<>(List.of("jurisdiction_id", "county_code", "external_id", "geom"));
        columns.forEach(col -> names.add(col.column()));
        if (kind != ImportKind.KEYPLACES) {
            names.add("block_id");
        }
        names.add("grid_id");
        this.keptUnplaced = new HashSet<>(Jdbc.queryList(c,
                "SELECT DISTINCT external_id FROM import_unplaced WHERE kind = ? AND external_id IS NOT NULL",
                s -> s.setString(1, kind.label()), rs -> rs.getString(1)));
        this.references = SetWiseReferences.prepare(c, table);
        if (references != null) {
            references.lockCandidates(townships.inScopeIds(), blocks.blockIds(), blocks.gridIds());
            references.beforeCopy();
        }
        this.writer = StageWriter.started(c, table, String.join(", ", names));
    }

    /**
     * The direct path for this import, or null when it does not apply: door plates (two keys), or a
     * stored row of the kind with an external id in one of the counties (the file may update it).
     */
    static DirectRows open(Connection c, ImportKind kind, String table, List<PointColumns.Column> columns, TownshipLocator townships,
                           BlockPlacer blocks) throws SQLException {
        Set<String> counties = townships.countyCodes();
        if (kind == ImportKind.ADDRESSES || blocks == null || Boolean.getBoolean("gridpatrol.import.staged-only")) {
            return null;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + table
                + " WHERE county_code = ANY (?) AND external_id IS NOT NULL LIMIT 1")) {
            Array array = c.createArrayOf("text", counties.toArray());
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return null;
                }
            }
        }
        return new DirectRows(c, kind, table, columns, townships, blocks);
    }

    private static String key(String county, String externalId) {
        return (county == null ? "\u0001" : county) + '\u0000' + externalId;
    }

    /**
     * Notes a row with a position and an external id; returns the earlier line with the same id in the
     * same county (the row is then refused), or null.
     */
    Long firstLine(String county, String externalId, long line, boolean copiedHere) {
        if (externalId == null) {
            return null;
        }
        Long earlier = firstLines.putIfAbsent(key(county, externalId), copiedHere ? line : -line);
        return earlier == null ? null : Math.abs(earlier);
    }

    /** Whether rows still go straight to the table (false after {@link #finish()}). */
    boolean open() {
        return !finished;
    }

    /** Copies one checked row with its township, block and grid. */
    void copy(long township, String county, String externalId, double lon, double lat, Object[] values, Long block, Long grid)
            throws SQLException {
        writer.value(township).value(county).value(externalId).raw(ewkb(lon, lat));
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            String fallback = columns.get(i).insertDefault();
            if (v == null && fallback != null) {
                writer.raw(fallback);
            } else {
                writer.value(v);
            }
        }
        if (kind != ImportKind.KEYPLACES) {
            writer.value(block);
        }
        writer.value(grid).endRow();
        if (references != null) {
            references.note(township, kind == ImportKind.KEYPLACES ? null : block, grid);
        }
        if (externalId != null && keptUnplaced.contains(externalId)) {
            replacedUnplaced.add(externalId);
        }
    }

    /** Ends the COPY; returns the rows copied. */
    long finish() throws SQLException {
        if (!finished) {
            finished = true;
            copied = writer.finish();
            if (references != null) {
                references.afterCopy();
            }
        }
        return copied;
    }

    /** External ids of copied rows that rows kept unplaced by an earlier import carry (replaced as the staged path replaces them). */
    Set<String> replacedUnplaced() {
        return replacedUnplaced;
    }

    /**
     * After the stage refused its own repeats: a staged row (placed on a door plate) repeating a copied
     * row's external id is refused when it comes later; when it comes first, the copied row is taken
     * out again and refused instead. Returns how many copied rows were taken out.
     */
    long settle(Connection c, String stage, ReportBuilder report) throws SQLException {
        List<Object[]> staged = Jdbc.queryList(c,
                "SELECT line, county_code, external_id FROM " + stage + " WHERE external_id IS NOT NULL",
                Jdbc.NO_PARAMETERS, rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)});
        long removed = 0;
        for (Object[] row : staged) {
            long line = (Long) row[0];
            String county = (String) row[1];
            String id = (String) row[2];
            Long first = firstLines.get(key(county, id));
            if (first == null || first < 0) {
                continue; // no copied row with this id; staged rows were checked among themselves
            }
            if (first < line) {
                report.refuse(line, "externalId", "the same externalId as line " + first);
                update(c, "DELETE FROM " + stage + " WHERE line = ?", line);
            } else {
                report.refuse(first, "externalId", "the same externalId as line " + line);
                removed += update(c, "DELETE FROM " + table + " WHERE county_code IS NOT DISTINCT FROM ? AND external_id = ?", county, id);
                firstLines.put(key(county, id), -line);
            }
        }
        return removed;
    }

    private static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        }
    }

    /** Hex EWKB of a WGS84 point, PostGIS's text input for geometry without parsing WKT. */
    private CharSequence ewkb(double lon, double lat) {
        hex.setLength(0);
        hex.append("0101000020E6100000"); // little endian, point with SRID, 4326
        littleEndian(Double.doubleToRawLongBits(lon));
        littleEndian(Double.doubleToRawLongBits(lat));
        return hex;
    }

    private void littleEndian(long bits) {
        for (int i = 0; i < 8; i++) {
            int b = (int) (bits >>> (8 * i)) & 0xff;
            hex.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0xf, 16));
        }
    }

    @Override
    public void close() throws SQLException {
        writer.close();
    }
}
