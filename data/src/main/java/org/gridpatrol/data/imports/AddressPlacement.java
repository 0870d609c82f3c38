package org.gridpatrol.data.imports;

import org.gridpatrol.data.postgis.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The staged rows of a register or key place import that have no coordinates: each takes the
 * position, township and county of the one door plate ({@code address_point}) in scope whose
 * normalised address ({@link AddressText}) equals its own; an address found at two different
 * places is not a match. The rest are listed as unplaced, kept in {@code import_unplaced} with their
 * fields (replacing rows kept earlier under the same external id) and removed from the stage.
 */
final class AddressPlacement {

    private final Connection connection;
    private final ImportRequest request;
    private final ReportBuilder report;
    private final ImportKind kind;
    private final List<PointColumns.Column> columns;

    AddressPlacement(Connection connection, ImportRequest request, ReportBuilder report, List<PointColumns.Column> columns) {
        this.connection = connection;
        this.request = request;
        this.report = report;
        this.kind = request.kind();
        this.columns = columns;
    }

    /** Rows without coordinates take the position of the one door plate with the same normalised address in scope. */
    void placeOnDoorPlates() throws SQLException {
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

    /**
     * The rest without a position: listed, kept for placing by hand, and out of the stage. Rows kept
     * earlier under an external id of the stage, or of {@code copied} (rows the direct path wrote), are replaced.
     */
    void keepUnplaced(java.util.Collection<String> copied) throws SQLException {
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
        if (!copied.isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM import_unplaced WHERE kind = ? AND external_id = ANY (?)")) {
                s.setString(1, kind.label());
                s.setArray(2, connection.createArrayOf("text", copied.toArray()));
                s.executeUpdate();
            }
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

    private List<Long> longs(String sql) throws SQLException {
        return Jdbc.queryList(connection, sql, Jdbc.NO_PARAMETERS, rs -> rs.getLong(1));
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
