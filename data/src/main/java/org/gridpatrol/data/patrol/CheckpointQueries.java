package org.gridpatrol.data.patrol;

import org.gridpatrol.data.grid.GridTeamStore;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.patrol.CheckpointKind;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checkpoints chosen from the registers: rentals of a grid with an inspection due within N days,
 * the grid's key places, the homes of elderly people living alone. Which rows are of which
 * {@link CheckpointKind} is decided here; the kind's priority and service time are patrol-routing's. Answers ids, kinds and
 * positions only: no names, phones or addresses.
 */
public final class CheckpointQueries {

    /** A place to visit. */
    public record Place(String id, CheckpointKind kind, GeoPoint at) {
    }

    private final DataSource dataSource;

    public CheckpointQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The grid's checkpoints of the given kinds, ordered by kind then row id.
     *
     * @param dueWithinDays rentals whose next inspection falls on or before {@code today + dueWithinDays}
     *                      (overdue ones included)
     */
    public List<Place> inGrid(long gridId, Set<CheckpointKind> kinds, int dueWithinDays, LocalDate today) {
        if (dueWithinDays < 0 || dueWithinDays > 366) {
            throw new IllegalArgumentException("dueWithinDays must be 0..366, got " + dueWithinDays);
        }
        jurisdictionOfGrid(gridId); // refuses an unknown grid before reading anything
        List<Place> places = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
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
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setLong(1, gridId);
                    if (kind == CheckpointKind.RENTAL_DUE) {
                        s.setDate(2, Date.valueOf(today.plusDays(dueWithinDays)));
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            places.add(new Place(kind.idPrefix() + ":" + rs.getLong(1), kind,
                                    new GeoPoint(rs.getDouble(2), rs.getDouble(3))));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the checkpoints of grid " + gridId, e);
        }
        return places;
    }

    /** @throws org.gridpatrol.data.postgis.UnknownIdException when no grid has the id */
    public long jurisdictionOfGrid(long gridId) {
        return new GridTeamStore(dataSource).jurisdictionOf(gridId);
    }

    /** The deepest jurisdiction (village, else township, else county) containing the point. */
    public Optional<Long> jurisdictionAt(GeoPoint point) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT id FROM jurisdiction WHERE ST_Intersects(geom, ST_SetSRID(ST_MakePoint(?, ?), 4326))
                ORDER BY array_position(ARRAY['village','township','county'], level), id LIMIT 1""")) {
            s.setDouble(1, point.lon());
            s.setDouble(2, point.lat());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
