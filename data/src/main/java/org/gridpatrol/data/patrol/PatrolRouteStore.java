package org.gridpatrol.data.patrol;

import org.gridpatrol.data.postgis.Transactions;
import org.gridpatrol.routing.graph.GeoPoint;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Stores patrol routes: the answer JSON as given (the caller keeps personal data out of it) and
 * each team's line, in one transaction with an audit event. Reads them back by id.
 */
public final class PatrolRouteStore {

    /** One team's line and totals. */
    public record TeamLine(int team, double distanceMeters, double durationSeconds, int stops, List<GeoPoint> line) {
        public TeamLine {
            line = List.copyOf(line);
            if (line.isEmpty()) {
                throw new IllegalArgumentException("team " + team + " has an empty line");
            }
        }
    }

    /** A route to store. */
    public record NewRoute(long jurisdictionId, String kind, String mode, String createdBy, String answerJson,
                           List<TeamLine> teams) {
        public NewRoute {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(createdBy, "createdBy");
            Objects.requireNonNull(answerJson, "answerJson");
            teams = List.copyOf(teams);
        }
    }

    /** A stored route. */
    public record StoredRoute(long id, long jurisdictionId, String kind, String mode, String createdBy,
                              java.time.Instant createdAt, String answerJson) {
    }

    private final DataSource dataSource;

    public PatrolRouteStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A fresh id for a route about to be stored (so that its answer can name it). */
    public long reserveId() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT nextval(pg_get_serial_sequence('patrol_route', 'id'))"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reserve a patrol route id", e);
        }
    }

    /** Stores the route under {@code id} (from {@link #reserveId()}). */
    public void save(long id, NewRoute route) {
        Transactions.inTransaction(dataSource, "storing a patrol route", c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO patrol_route (id, jurisdiction_id, county_code, kind, mode, created_by, answer)
                    SELECT ?, j.id, j.county_code, ?, ?, ?, ?::jsonb FROM jurisdiction j WHERE j.id = ?""")) {
                s.setLong(1, id);
                s.setString(2, route.kind());
                s.setString(3, route.mode());
                s.setString(4, route.createdBy());
                s.setString(5, route.answerJson());
                s.setLong(6, route.jurisdictionId());
                if (s.executeUpdate() != 1) {
                    throw new IllegalArgumentException("no jurisdiction has id " + route.jurisdictionId());
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO patrol_route_team (route_id, team, distance_m, duration_s, stops, geom)
                    VALUES (?, ?, ?, ?, ?, ST_GeomFromText(?, 4326))""")) {
                for (TeamLine team : route.teams()) {
                    s.setLong(1, id);
                    s.setInt(2, team.team());
                    s.setDouble(3, team.distanceMeters());
                    s.setDouble(4, team.durationSeconds());
                    s.setInt(5, team.stops());
                    s.setString(6, wkt(team.line()));
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO audit_event (username, action, jurisdiction_id, detail) VALUES (?, 'patrol.route', ?, ?)")) {
                s.setString(1, route.createdBy());
                s.setLong(2, route.jurisdictionId());
                s.setString(3, route.kind() + " route " + id + " (" + route.mode() + ", " + route.teams().size() + " teams)");
                s.executeUpdate();
            }
            return id;
        });
    }

    public Optional<StoredRoute> find(long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, jurisdiction_id, kind, mode, created_by, created_at, answer::text FROM patrol_route WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredRoute(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read patrol route " + id, e);
        }
    }

    /** How many routes are stored (tests check refused requests store nothing). */
    public long count() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT count(*) FROM patrol_route");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A line as WKT; a single point (a loop with nothing to visit) becomes a zero-length line. */
    static String wkt(List<GeoPoint> line) {
        List<GeoPoint> points = line.size() == 1 ? List.of(line.get(0), line.get(0)) : line;
        return points.stream().map(p -> String.format(Locale.ROOT, "%.7f %.7f", p.lon(), p.lat()))
                .collect(Collectors.joining(",", "LINESTRING(", ")"));
    }
}
