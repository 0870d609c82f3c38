package org.gridpatrol.web;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.Route;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.web.MatrixFixture.Target;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The authorization matrix's GPS track rows: a patrol team per target and a short track of it, the
 * fixes every 20 m along a foot route from the target's household 200 m east (or north).
 */
final class MatrixTracks {

    static final String DAY = "2025-01-15";

    private MatrixTracks() {
    }

    static long team(DataSource dataSource, long jurisdictionId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO patrol_team (jurisdiction_id, county_code, name, mode, shift_minutes, base)
                SELECT id, county_code, 'matrix team', 'foot', 240, ST_PointOnSurface(geom) FROM jurisdiction WHERE id = ?
                RETURNING id""")) {
            s.setLong(1, jurisdictionId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String body(long team, Target t, RoutingGraph graph) {
        GeoPoint from = new GeoPoint(t.lon(), t.lat());
        Route route;
        try {
            route = graph.route(TravelMode.FOOT, from, new GeoPoint(t.lon() + 0.0025, t.lat()));
        } catch (RuntimeException east) {
            route = graph.route(TravelMode.FOOT, from, new GeoPoint(t.lon(), t.lat() + 0.0018));
        }
        List<GeoPoint> fixes = TrackApiIT.densify(route.path(), 20);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < fixes.size(); i++) {
            points.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"lon\":%.6f,\"lat\":%.6f,\"time\":%d}",
                    fixes.get(i).lon(), fixes.get(i).lat(), java.time.LocalDate.parse(DAY).toEpochDay() * 86_400 + 28_800 + 15L * i));
        }
        return "{\"teamId\":" + team + ",\"points\":[" + points + "]}";
    }
}
