package org.gridpatrol.data.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridpatrol.data.block.RegisterAssigner;
import org.gridpatrol.data.postgis.Jdbc;
import org.gridpatrol.data.postgis.UnknownIdException;
import org.gridpatrol.data.register.Registers;
import org.gridpatrol.geo.plan.InvalidOperationException;
import org.gridpatrol.geo.register.RegisterKind;
import org.gridpatrol.geo.register.RegisterValues;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows imports kept without a position: listed per jurisdiction, and placed at a clicked
 * position. Households and rentals are created through {@link Registers#create} (placement in block
 * and grid, scope check and audit event as for any register edit); key places are inserted and
 * assigned to their grid by {@link RegisterAssigner}. The kept row is removed once placed.
 */
final class UnplacedRows {

    private final ObjectMapper json = new ObjectMapper();
    private final DataSource dataSource;
    private final Jdbc jdbc;

    UnplacedRows(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
    }

    List<UnplacedRow> list(long jurisdictionId) {
        return jdbc.queryList("""
                SELECT id, kind, jurisdiction_id, external_id, line, address, fields::text FROM import_unplaced
                WHERE jurisdiction_id IN (SELECT id FROM jurisdiction_scope(?)) ORDER BY id""", s -> s.setLong(1, jurisdictionId),
                rs -> new UnplacedRow(rs.getLong(1), ImportKind.parse(rs.getString(2)), (Long) rs.getObject(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), fields(rs.getString(7))), "cannot list the unplaced rows");
    }

    private Map<String, Object> fields(String text) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = json.readValue(text, LinkedHashMap.class);
            return map;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable fields of an unplaced row", e);
        }
    }

    long place(long unplacedId, double lon, double lat, Long scope, String username) {
        UnplacedRow row = jdbc.queryOptional("SELECT id, kind, jurisdiction_id, external_id, line, address, fields::text FROM import_unplaced WHERE id = ?",
                s -> s.setLong(1, unplacedId), rs -> new UnplacedRow(rs.getLong(1), ImportKind.parse(rs.getString(2)),
                        (Long) rs.getObject(3), rs.getString(4), rs.getLong(5), rs.getString(6), fields(rs.getString(7))),
                "cannot read unplaced row " + unplacedId).orElseThrow(() -> new UnknownIdException("no unplaced row has id " + unplacedId));
        long id;
        if (row.kind() == ImportKind.KEYPLACES) {
            id = jdbc.inTransaction("placing a key place", c -> {
                long[] township = Jdbc.queryOptional(c, """
                        SELECT j.id, j.id IN (SELECT id FROM jurisdiction_scope(?::bigint)) FROM jurisdiction j
                        WHERE j.level = 'township' AND ST_Covers(j.geom, ST_SetSRID(ST_MakePoint(?, ?), 4326)) ORDER BY j.id LIMIT 1""", s -> {
                    s.setObject(1, scope);
                    s.setDouble(2, lon);
                    s.setDouble(3, lat);
                }, rs -> new long[]{rs.getLong(1), rs.getBoolean(2) ? 1 : 0}).orElseThrow(() -> new InvalidOperationException("location",
                        "[" + lon + ", " + lat + "] is in no township"));
                if (township[1] == 0) {
                    throw new InvalidOperationException("location", "[" + lon + ", " + lat + "] is outside the jurisdictions you keep registers for");
                }
                long placed = Jdbc.queryOne(c, """
                        INSERT INTO key_place (jurisdiction_id, county_code, kind, name, external_id, geom)
                        SELECT j.id, j.county_code, ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326) FROM jurisdiction j WHERE j.id = ?
                        RETURNING id""", s -> {
                    s.setString(1, String.valueOf(row.fields().get("kind")));
                    s.setObject(2, row.fields().get("name"));
                    s.setString(3, row.externalId());
                    s.setDouble(4, lon);
                    s.setDouble(5, lat);
                    s.setLong(6, township[0]);
                }, rs -> rs.getLong(1));
                new RegisterAssigner(c).assign(township[0]);
                Jdbc.update(c, "INSERT INTO audit_event (username, action, jurisdiction_id, detail) VALUES (?, 'keyplaces.create', ?, ?)", s -> {
                    s.setString(1, username);
                    s.setLong(2, township[0]);
                    s.setString(3, "id " + placed + " (placed from an import)");
                });
                Jdbc.update(c, "DELETE FROM import_unplaced WHERE id = ?", s -> s.setLong(1, unplacedId));
                return placed;
            });
        } else {
            RegisterKind kind = row.kind() == ImportKind.HOUSEHOLDS ? RegisterKind.HOUSEHOLD : RegisterKind.RENTAL;
            Registers.Saved saved = Registers.inPostgis(dataSource).create(kind, RegisterValues.parse(kind, row.fields()), lon, lat, scope, username);
            id = saved.id();
            jdbc.update("UPDATE " + (kind == RegisterKind.HOUSEHOLD ? "household" : "rental_property") + " SET external_id = ? WHERE id = ?", s -> {
                s.setString(1, row.externalId());
                s.setLong(2, saved.id());
            }, "cannot keep the external id of the placed row");
            jdbc.update("DELETE FROM import_unplaced WHERE id = ?", s -> s.setLong(1, unplacedId), "cannot remove the placed row");
        }
        return id;
    }
}
