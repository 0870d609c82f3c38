package org.gridpatrol.data.patrol;

import org.gridpatrol.data.postgis.Jdbc;
import org.gridpatrol.routing.graph.GeoPoint;

import javax.sql.DataSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link PatrolRoutes} in the {@code patrol_route} and {@code patrol_route_team} tables. */
final class PatrolRouteStore implements PatrolRoutes {

    private final Jdbc jdbc;

    PatrolRouteStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public long reserveId() {
        return jdbc.queryOne("SELECT nextval(pg_get_serial_sequence('patrol_route', 'id'))", Jdbc.NO_PARAMETERS,
                rs -> rs.getLong(1), "cannot reserve a patrol route id");
    }

    @Override
    public void save(long id, NewRoute route) {
        jdbc.inTransaction("storing a patrol route", c -> {
            int stored = Jdbc.update(c, """
                    INSERT INTO patrol_route (id, jurisdiction_id, county_code, kind, mode, created_by, answer)
                    SELECT ?, j.id, j.county_code, ?, ?, ?, ?::jsonb FROM jurisdiction j WHERE j.id = ?""", s -> {
                s.setLong(1, id);
                s.setString(2, route.kind());
                s.setString(3, route.mode());
                s.setString(4, route.createdBy());
                s.setString(5, route.answerJson());
                s.setLong(6, route.jurisdictionId());
            });
            if (stored != 1) {
                throw new IllegalArgumentException("no jurisdiction has id " + route.jurisdictionId());
            }
            Jdbc.batch(c, """
                    INSERT INTO patrol_route_team (route_id, team, distance_m, duration_s, stops, geom)
                    VALUES (?, ?, ?, ?, ?, ST_GeomFromText(?, 4326))""", route.teams(), (s, team) -> {
                s.setLong(1, id);
                s.setInt(2, team.team());
                s.setDouble(3, team.distanceMeters());
                s.setDouble(4, team.durationSeconds());
                s.setInt(5, team.stops());
                s.setString(6, wkt(team.line()));
            });
            Jdbc.update(c, "INSERT INTO audit_event (username, action, jurisdiction_id, detail) VALUES (?, 'patrol.route', ?, ?)", s -> {
                s.setString(1, route.createdBy());
                s.setLong(2, route.jurisdictionId());
                s.setString(3, route.kind() + " route " + id + " (" + route.mode() + ", " + route.teams().size() + " teams)");
            });
            return id;
        });
    }

    @Override
    public Optional<StoredRoute> find(long id) {
        return jdbc.queryOptional(
                "SELECT id, jurisdiction_id, kind, mode, created_by, created_at, answer::text FROM patrol_route WHERE id = ?",
                s -> s.setLong(1, id),
                rs -> new StoredRoute(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)),
                "cannot read patrol route " + id);
    }

    @Override
    public long count() {
        return jdbc.queryOne("SELECT count(*) FROM patrol_route", Jdbc.NO_PARAMETERS, rs -> rs.getLong(1),
                "cannot count the patrol routes");
    }

    /** A line as WKT; a single point (a loop with nothing to visit) becomes a zero-length line. */
    static String wkt(List<GeoPoint> line) {
        List<GeoPoint> points = line.size() == 1 ? List.of(line.get(0), line.get(0)) : line;
        return points.stream().map(p -> String.format(Locale.ROOT, "%.7f %.7f", p.lon(), p.lat()))
                .collect(Collectors.joining(",", "LINESTRING(", ")"));
    }
}
