package org.gridpatrol.data.patrol;

import org.gridpatrol.data.grid.GridTeams;
import org.gridpatrol.data.postgis.Jdbc;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.patrol.CheckpointKind;

import javax.sql.DataSource;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Checkpoints} in PostGIS. Which rows are of which {@link CheckpointKind} is decided here; the
 * kind's priority and service time are patrol-routing's.
 */
final class CheckpointQueries implements Checkpoints {

    private final Jdbc jdbc;
    private final GridTeams grids;

    CheckpointQueries(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        this.grids = GridTeams.inPostgis(dataSource);
    }

    @Override
    public List<Place> inGrid(long gridId, Set<CheckpointKind> kinds, int dueWithinDays, LocalDate today) {
        if (dueWithinDays < 0 || dueWithinDays > 366) {
            throw new IllegalArgumentException("dueWithinDays must be 0..366, got " + dueWithinDays);
        }
        jurisdictionOfGrid(gridId); // refuses an unknown grid before reading anything
        return jdbc.withConnection("cannot read the checkpoints of grid " + gridId, c -> {
            List<Place> places = new ArrayList<>();
            for (CheckpointKind kind : CheckpointKind.values()) {
                if (!kinds.contains(kind)) {
                    continue;
                }
                String sql = switch (kind) {
                    case RENTAL_DUE -> "SELECT id, ST_X(geom), ST_Y(geom) FROM rental_property WHERE grid_id = ? "
                            + "AND next_inspection IS NOT NULL AND next_inspection <= ? ORDER BY id";
                    case KEY_PLACE -> "SELECT id, ST_X(geom), ST_Y(geom) FROM key_place WHERE grid_id = ? ORDER BY id";
                    case ELDERLY_ALONE -> "SELECT id, ST_X(geom), ST_Y(geom) FROM household WHERE grid_id = ? "
                            + "AND elderly_living_alone ORDER BY id";
                };
                places.addAll(Jdbc.queryList(c, sql, s -> {
                    s.setLong(1, gridId);
                    if (kind == CheckpointKind.RENTAL_DUE) {
                        s.setDate(2, Date.valueOf(today.plusDays(dueWithinDays)));
                    }
                }, rs -> new Place(kind.idPrefix() + ":" + rs.getLong(1), kind, new GeoPoint(rs.getDouble(2), rs.getDouble(3)))));
            }
            return places;
        });
    }

    @Override
    public List<DatedPlace> forVisitPlan(long jurisdictionId, List<Long> gridIds, Set<CheckpointKind> kinds,
                                         LocalDate rentalsDueBy, int limit) {
        boolean byGrid = !gridIds.isEmpty();
        return jdbc.withConnection("cannot read the places of a visit plan", c -> {
            List<DatedPlace> places = new ArrayList<>();
            for (CheckpointKind kind : CheckpointKind.values()) {
                if (!kinds.contains(kind) || places.size() > limit) {
                    continue;
                }
                String where = byGrid ? "grid_id = ANY (?)" : "jurisdiction_id IN (SELECT id FROM jurisdiction_scope(?))";
                String sql = switch (kind) {
                    case RENTAL_DUE -> "SELECT id, ST_X(geom), ST_Y(geom), next_inspection FROM rental_property WHERE " + where
                            + " AND next_inspection IS NOT NULL AND next_inspection <= ? ORDER BY id LIMIT ?";
                    case KEY_PLACE -> "SELECT id, ST_X(geom), ST_Y(geom), NULL::date FROM key_place WHERE " + where
                            + " ORDER BY id LIMIT ?";
                    case ELDERLY_ALONE -> "SELECT id, ST_X(geom), ST_Y(geom), NULL::date FROM household WHERE " + where
                            + " AND elderly_living_alone ORDER BY id LIMIT ?";
                };
                int remaining = limit + 1 - places.size();
                places.addAll(Jdbc.queryList(c, sql, s -> {
                    if (byGrid) {
                        s.setArray(1, c.createArrayOf("bigint", gridIds.toArray()));
                    } else {
                        s.setLong(1, jurisdictionId);
                    }
                    if (kind == CheckpointKind.RENTAL_DUE) {
                        s.setDate(2, Date.valueOf(rentalsDueBy));
                        s.setInt(3, remaining);
                    } else {
                        s.setInt(2, remaining);
                    }
                }, rs -> new DatedPlace(kind.idPrefix() + ":" + rs.getLong(1), kind, new GeoPoint(rs.getDouble(2), rs.getDouble(3)),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate())));
            }
            return places;
        });
    }

    @Override
    public long jurisdictionOfGrid(long gridId) {
        return grids.jurisdictionOf(gridId);
    }

    @Override
    public Optional<Long> jurisdictionAt(GeoPoint point) {
        return jdbc.queryOptional("""
                SELECT id FROM jurisdiction WHERE ST_Intersects(geom, ST_SetSRID(ST_MakePoint(?, ?), 4326))
                ORDER BY array_position(ARRAY['village','township','county'], level), id LIMIT 1""", s -> {
            s.setDouble(1, point.lon());
            s.setDouble(2, point.lat());
        }, rs -> rs.getLong(1), "cannot find the jurisdiction at " + point);
    }
}
