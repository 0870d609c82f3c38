package org.gridpatrol.data.patrol;

import org.gridpatrol.data.postgis.Jdbc;

import javax.sql.DataSource;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link VisitConfirmations} in one statement over the planned visits as arrays. The tracks table comes
 * with GPS tracks (V16); while a database has none, only inspections confirm.
 */
final class VisitConfirmationQueries implements VisitConfirmations {

    private static final String VISITS = """
            WITH v AS (SELECT * FROM unnest(?::text[], ?::text[], ?::float8[], ?::float8[], ?::timestamptz[],
                                            ?::timestamptz[], ?::date[], ?::bigint[])
                                     AS v(visit_id, checkpoint_id, lon, lat, day_start, day_end, day, team_id))
            """;
    private static final String BY_INSPECTION = """
            SELECT v.visit_id FROM v WHERE v.checkpoint_id LIKE 'rental:%' AND EXISTS (
                SELECT 1 FROM rental_inspection i
                WHERE i.rental_id = substr(v.checkpoint_id, 8)::bigint AND i.inspected_on BETWEEN v.day AND ?)""";
    private static final String BY_TRACK = """
            UNION SELECT v.visit_id FROM v WHERE EXISTS (
                SELECT 1 FROM patrol_track t
                WHERE t.jurisdiction_id IN (SELECT id FROM jurisdiction_scope(?))
                  AND (v.team_id IS NULL OR t.team_id = v.team_id)
                  AND t.started_at < v.day_end AND t.ended_at > v.day_start
                  AND ST_DWithin(ST_Force2D(t.points)::geography,
                                 ST_SetSRID(ST_MakePoint(v.lon, v.lat), 4326)::geography, ?))""";

    private final Jdbc jdbc;

    VisitConfirmationQueries(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Set<String> confirmed(long jurisdictionId, List<Planned> visits, LocalDate through) {
        if (visits.isEmpty()) {
            return Set.of();
        }
        return jdbc.withConnection("cannot check which visits were made", c -> {
            boolean tracks = Jdbc.queryOne(c, "SELECT to_regclass('patrol_track') IS NOT NULL", Jdbc.NO_PARAMETERS,
                    rs -> rs.getBoolean(1));
            String sql = VISITS + BY_INSPECTION + (tracks ? BY_TRACK : "");
            return new HashSet<>(Jdbc.queryList(c, sql, s -> {
                s.setArray(1, c.createArrayOf("text", visits.stream().map(Planned::visitId).toArray()));
                s.setArray(2, c.createArrayOf("text", visits.stream().map(Planned::checkpointId).toArray()));
                s.setArray(3, c.createArrayOf("float8", visits.stream().map(p -> p.at().lon()).toArray()));
                s.setArray(4, c.createArrayOf("float8", visits.stream().map(p -> p.at().lat()).toArray()));
                s.setArray(5, c.createArrayOf("timestamptz", visits.stream().map(p -> Timestamp.from(p.dayStart())).toArray()));
                s.setArray(6, c.createArrayOf("timestamptz", visits.stream().map(p -> Timestamp.from(p.dayEnd())).toArray()));
                s.setArray(7, c.createArrayOf("date", visits.stream().map(p -> Date.valueOf(p.day())).toArray()));
                s.setArray(8, c.createArrayOf("bigint", visits.stream().map(Planned::teamId).toArray()));
                s.setDate(9, Date.valueOf(through));
                if (tracks) {
                    s.setLong(10, jurisdictionId);
                    s.setDouble(11, TRACK_METERS);
                }
            }, rs -> rs.getString(1)));
        });
    }
}
