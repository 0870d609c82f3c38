package org.gridpatrol.web;

import org.gridpatrol.web.MatrixFixture.Target;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/** The authorization matrix's GPS track rows: a patrol team per target and a short track beside its household. */
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

    /** Three fixes a minute apart, about 40 m apart, starting at the target's household. */
    static String body(long team, Target t) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            points.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"lon\":%.6f,\"lat\":%.6f,\"time\":\"%sT08:0%d:00Z\"}",
                    t.lon() + i * 0.0005, t.lat(), DAY, i));
        }
        return "{\"teamId\":" + team + ",\"points\":[" + points + "]}";
    }
}
