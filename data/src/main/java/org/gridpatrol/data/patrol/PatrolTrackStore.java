package org.gridpatrol.data.patrol;

import org.gridpatrol.data.postgis.Jdbc;
import org.gridpatrol.data.postgis.UnknownIdException;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link PatrolTracks} in the {@code patrol_track} table. */
final class PatrolTrackStore implements PatrolTracks {

    private static final String SUMMARY = """
            SELECT t.id, t.jurisdiction_id, t.team_id, pt.name, t.worker_user_id, u.username, t.started_at, t.ended_at,
                   t.source, t.mode, t.point_count, t.matched_points, t.chains, t.raw_length_m, t.matched_length_m,
                   t.created_by, t.created_at
            FROM patrol_track t LEFT JOIN patrol_team pt ON pt.id = t.team_id LEFT JOIN app_user u ON u.id = t.worker_user_id""";

    /** The selection as a WHERE clause over {@code t}; bound by {@link #bind}. */
    private static final String SELECTED = " " + """
             t.started_at < ? AND t.ended_at > ?
              AND (?::bigint IS NULL OR t.jurisdiction_id IN (SELECT id FROM jurisdiction_scope(?::bigint)))
              AND (?::bigint IS NULL OR t.team_id = ?::bigint)
              AND (?::bigint IS NULL OR t.worker_user_id = ?::bigint)
              AND (?::bigint IS NULL OR EXISTS (SELECT 1 FROM grid g WHERE g.id = ?::bigint AND ST_Intersects(g.geom, t.matched)))""";

    private final Jdbc jdbc;

    PatrolTrackStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public long save(NewTrack track) {
        return jdbc.inTransaction("storing a patrol track", c -> {
            long id = Jdbc.queryOne(c, """
                    INSERT INTO patrol_track (jurisdiction_id, team_id, worker_user_id, started_at, ended_at, points, matched,
                        created_by, source, mode, point_count, matched_points, chains, raw_length_m, matched_length_m)
                    VALUES (?, ?, ?, ?, ?, ST_GeomFromText(?, 4326), ST_GeomFromText(?, 4326), ?, ?, ?, ?, ?, ?, ?, ?)
                    RETURNING id""", s -> {
                List<double[]> fixes = track.fixes();
                s.setLong(1, track.jurisdictionId());
                setLong(s, 2, track.teamId());
                setLong(s, 3, track.workerUserId());
                s.setTimestamp(4, timestamp(fixes.get(0)[2]));
                s.setTimestamp(5, timestamp(fixes.get(fixes.size() - 1)[2]));
                s.setString(6, lineStringM(fixes));
                s.setString(7, track.matchedWkt());
                s.setString(8, track.createdBy());
                s.setString(9, track.source());
                s.setString(10, track.mode());
                s.setInt(11, fixes.size());
                s.setInt(12, track.matchedPoints());
                s.setInt(13, track.chains());
                s.setDouble(14, track.rawLengthMeters());
                s.setDouble(15, track.matchedLengthMeters());
            }, rs -> rs.getLong(1));
            Jdbc.update(c, "INSERT INTO audit_event (username, action, jurisdiction_id, detail) VALUES (?, 'patrol.track', ?, ?)", s -> {
                s.setString(1, track.createdBy());
                s.setLong(2, track.jurisdictionId());
                s.setString(3, "track " + id + " (" + track.source() + ", " + track.fixes().size() + " points, "
                        + (track.teamId() != null ? "team " + track.teamId() : "worker " + track.workerUserId()) + ")");
            });
            return id;
        });
    }

    @Override
    public Optional<TrackDetail> find(long id) {
        return jdbc.queryOptional(SUMMARY.replace("SELECT t.id,", "SELECT ST_AsGeoJSON(ST_Force2D(t.points), 7), ST_AsGeoJSON(t.matched, 7), t.id,")
                        + " WHERE t.id = ?", s -> s.setLong(1, id),
                rs -> new TrackDetail(summary(rs, 2), rs.getString(1), rs.getString(2)), "cannot read patrol track " + id);
    }

    @Override
    public List<TrackSummary> list(Selection selection, int limit) {
        return jdbc.queryList(SUMMARY + " WHERE " + SELECTED + " ORDER BY t.started_at, t.id LIMIT ?", s -> {
            int next = bind(s, 1, selection);
            s.setInt(next, limit);
        }, rs -> summary(rs, 0), "cannot list patrol tracks");
    }

    @Override
    public boolean delete(long id, String by) {
        return jdbc.inTransaction("deleting patrol track " + id, c -> {
            Optional<Long> jurisdiction = Jdbc.queryOptional(c, "DELETE FROM patrol_track WHERE id = ? RETURNING jurisdiction_id",
                    s -> s.setLong(1, id), rs -> rs.getLong(1));
            if (jurisdiction.isEmpty()) {
                return false;
            }
            Jdbc.update(c, "INSERT INTO audit_event (username, action, jurisdiction_id, detail) VALUES (?, 'patrol.track.delete', ?, ?)", s -> {
                s.setString(1, by);
                s.setLong(2, jurisdiction.get());
                s.setString(3, "track " + id + " deleted");
            });
            return true;
        });
    }

    @Override
    public long count() {
        return jdbc.queryOne("SELECT count(*) FROM patrol_track", Jdbc.NO_PARAMETERS, rs -> rs.getLong(1), "cannot count tracks");
    }

    @Override
    public Optional<Long> jurisdictionOfTeam(long teamId) {
        return jdbc.queryOptional("SELECT jurisdiction_id FROM patrol_team WHERE id = ?", s -> s.setLong(1, teamId),
                rs -> rs.getLong(1), "cannot read patrol team " + teamId);
    }

    @Override
    public Optional<Long> jurisdictionOfUser(long userId) {
        return jdbc.queryOptional("SELECT jurisdiction_id FROM app_user WHERE id = ? AND jurisdiction_id IS NOT NULL",
                s -> s.setLong(1, userId), rs -> rs.getLong(1), "cannot read user " + userId);
    }

    @Override
    public Optional<Long> userIdOf(String username) {
        return jdbc.queryOptional("SELECT id FROM app_user WHERE username = ?", s -> s.setString(1, username),
                rs -> rs.getLong(1), "cannot read user " + username);
    }

    @Override
    public List<String> matchedWkt(Selection selection) {
        return jdbc.queryList("SELECT ST_AsText(t.matched) FROM patrol_track t WHERE t.matched IS NOT NULL AND " + SELECTED,
                s -> bind(s, 1, selection), rs -> rs.getString(1), "cannot read matched tracks");
    }

    @Override
    public List<Long> gridsCrossed(Selection selection) {
        return jdbc.queryList("""
                SELECT DISTINCT g.id FROM grid g JOIN patrol_track t ON ST_Intersects(g.geom, t.matched)
                WHERE t.matched IS NOT NULL AND""" + SELECTED + " ORDER BY g.id",
                s -> bind(s, 1, selection), rs -> rs.getLong(1), "cannot find the grids of the tracks");
    }

    @Override
    public HouseholdsPassed householdsPassed(long gridId, Selection selection, double meters) {
        if (jdbc.queryOptional("SELECT 1 FROM grid WHERE id = ?", s -> s.setLong(1, gridId), rs -> 1, "cannot read grid").isEmpty()) {
            throw new UnknownIdException("no grid has id " + gridId);
        }
        return jdbc.queryOne("""
                WITH tracks AS (SELECT t.matched::geography AS line FROM patrol_track t WHERE t.matched IS NOT NULL AND"""
                + SELECTED + """
                )
                
                SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM tracks WHERE ST_DWithin(tracks.line, h.geom::geography, ?)))
                FROM household h WHERE h.grid_id = ?""", s -> {
            int next = bind(s, 1, selection);
            s.setDouble(next, meters);
            s.setLong(next + 1, gridId);
        }, rs -> new HouseholdsPassed(rs.getInt(1), rs.getInt(2)), "cannot count the households passed in grid " + gridId);
    }

    @Override
    public List<CheckpointVisit> checkpointVisits(long routeId, Selection selection, double meters) {
        if (jdbc.queryOptional("SELECT 1 FROM patrol_route WHERE id = ?", s -> s.setLong(1, routeId), rs -> 1, "cannot read route").isEmpty()) {
            throw new UnknownIdException("no patrol route has id " + routeId);
        }
        return jdbc.queryList("""
                WITH stops AS (
                    SELECT s ->> 'checkpointId' AS id, s ->> 'kind' AS kind,
                           (s -> 'location' ->> 0)::float8 AS lon, (s -> 'location' ->> 1)::float8 AS lat, o AS ord
                    FROM patrol_route r, jsonb_array_elements(r.answer -> 'routes') WITH ORDINALITY AS team(route, tn),
                         jsonb_array_elements(team.route -> 'stops') WITH ORDINALITY AS stop(s, o)
                    WHERE r.id = ?),
                fixes AS (
                    SELECT (ST_DumpPoints(t.points)).geom AS fix FROM patrol_track t WHERE""" + SELECTED + """
                )
                
                SELECT id, kind, lon, lat, EXISTS (
                    SELECT 1 FROM fixes WHERE ST_M(fix) >= ? AND ST_M(fix) < ?
                      AND ST_DWithin(ST_Force2D(fix)::geography, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography, ?))
                FROM stops ORDER BY ord""", s -> {
            s.setLong(1, routeId);
            int next = bind(s, 2, selection);
            s.setDouble(next, selection.from().getEpochSecond());
            s.setDouble(next + 1, selection.to().getEpochSecond());
            s.setDouble(next + 2, meters);
        }, rs -> new CheckpointVisit(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getBoolean(5)),
                "cannot check the stops of route " + routeId);
    }

    private static int bind(PreparedStatement s, int first, Selection selection) throws SQLException {
        int i = first;
        s.setTimestamp(i++, Timestamp.from(selection.to()));
        s.setTimestamp(i++, Timestamp.from(selection.from()));
        for (Long value : new Long[] {selection.within(), selection.teamId(), selection.workerUserId(), selection.gridId()}) {
            setLong(s, i++, value);
            setLong(s, i++, value);
        }
        return i;
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    private static Timestamp timestamp(double epochSeconds) {
        return new Timestamp(Math.round(epochSeconds * 1000));
    }

    private static String lineStringM(List<double[]> fixes) {
        StringBuilder wkt = new StringBuilder(fixes.size() * 40).append("LINESTRING M (");
        for (int i = 0; i < fixes.size(); i++) {
            double[] f = fixes.get(i);
            wkt.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.7f %.7f %.3f", f[0], f[1], f[2]));
        }
        return wkt.append(')').toString();
    }

    private static TrackSummary summary(ResultSet rs, int skip) throws SQLException {
        int i = skip + 1;
        return new TrackSummary(rs.getLong(i), rs.getLong(i + 1), (Long) rs.getObject(i + 2), rs.getString(i + 3),
                (Long) rs.getObject(i + 4), rs.getString(i + 5), rs.getTimestamp(i + 6).toInstant(),
                rs.getTimestamp(i + 7).toInstant(), rs.getString(i + 8), rs.getString(i + 9), rs.getInt(i + 10),
                rs.getInt(i + 11), rs.getInt(i + 12), rs.getDouble(i + 13), rs.getDouble(i + 14), rs.getString(i + 15),
                rs.getTimestamp(i + 16).toInstant());
    }
}
