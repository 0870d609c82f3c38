package org.gridpatrol.data.patrol;

import org.gridpatrol.data.postgis.Jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** {@link PatrolSchedules} in the {@code patrol_schedule} and {@code patrol_schedule_route} tables. */
final class PatrolScheduleStore implements PatrolSchedules {

    private final Jdbc jdbc;

    PatrolScheduleStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public long reserveId() {
        return jdbc.queryOne("SELECT nextval(pg_get_serial_sequence('patrol_schedule', 'id'))", Jdbc.NO_PARAMETERS,
                rs -> rs.getLong(1), "cannot reserve a visit plan id");
    }

    @Override
    public void save(long id, NewSchedule schedule) {
        jdbc.inTransaction("storing a visit plan", c -> {
            int stored = Jdbc.update(c, """
                    INSERT INTO patrol_schedule (id, jurisdiction_id, county_code, first_day, days, created_by, answer)
                    SELECT ?, j.id, j.county_code, ?, ?, ?, ?::jsonb FROM jurisdiction j WHERE j.id = ?""", s -> {
                s.setLong(1, id);
                s.setDate(2, Date.valueOf(schedule.firstDay()));
                s.setInt(3, schedule.days());
                s.setString(4, schedule.createdBy());
                s.setString(5, schedule.answerJson());
                s.setLong(6, schedule.jurisdictionId());
            });
            if (stored != 1) {
                throw new IllegalArgumentException("no jurisdiction has id " + schedule.jurisdictionId());
            }
            insertLines(c, id, schedule.lines());
            audit(c, schedule.createdBy(), id, "visit plan " + id + " (" + schedule.days() + " days from "
                    + schedule.firstDay() + ", " + schedule.lines().size() + " day routes)");
            return id;
        });
    }

    @Override
    public Optional<StoredSchedule> find(long id) {
        return jdbc.queryOptional("""
                        SELECT id, jurisdiction_id, first_day, days, created_by, created_at, revision, replanned_through, answer::text
                        FROM patrol_schedule WHERE id = ?""",
                s -> s.setLong(1, id),
                rs -> new StoredSchedule(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getInt(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getInt(7),
                        rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate(), rs.getString(9)),
                "cannot read visit plan " + id);
    }

    @Override
    public boolean replan(long id, int revision, LocalDate through, String answerJson, List<DayLine> linesAfter, String user) {
        return jdbc.inTransaction("re-planning visit plan " + id, c -> {
            int updated = Jdbc.update(c, """
                    UPDATE patrol_schedule SET answer = ?::jsonb, revision = revision + 1, replanned_through = ?
                    WHERE id = ? AND revision = ?""", s -> {
                s.setString(1, answerJson);
                s.setDate(2, Date.valueOf(through));
                s.setLong(3, id);
                s.setInt(4, revision);
            });
            if (updated != 1) {
                return false;
            }
            Jdbc.update(c, "DELETE FROM patrol_schedule_route WHERE schedule_id = ? AND day > ?", s -> {
                s.setLong(1, id);
                s.setDate(2, Date.valueOf(through));
            });
            insertLines(c, id, linesAfter);
            audit(c, user, id, "visit plan " + id + " re-planned after " + through);
            return true;
        });
    }

    @Override
    public long count() {
        return jdbc.queryOne("SELECT count(*) FROM patrol_schedule", Jdbc.NO_PARAMETERS, rs -> rs.getLong(1),
                "cannot count the visit plans");
    }

    private static void insertLines(Connection c, long id, List<DayLine> lines) throws SQLException {
        Jdbc.batch(c, """
                INSERT INTO patrol_schedule_route (schedule_id, day, team, distance_m, duration_s, stops, geom)
                VALUES (?, ?, ?, ?, ?, ?, ST_GeomFromText(?, 4326))""", lines, (s, line) -> {
            s.setLong(1, id);
            s.setDate(2, Date.valueOf(line.day()));
            s.setInt(3, line.team());
            s.setDouble(4, line.distanceMeters());
            s.setDouble(5, line.durationSeconds());
            s.setInt(6, line.stops());
            s.setString(7, PatrolRouteStore.wkt(line.line()));
        });
    }

    private static void audit(Connection c, String user, long id, String detail) throws SQLException {
        Jdbc.update(c, """
                INSERT INTO audit_event (username, action, jurisdiction_id, detail)
                SELECT ?, 'patrol.schedule', jurisdiction_id, ? FROM patrol_schedule WHERE id = ?""", s -> {
            s.setString(1, user);
            s.setString(2, detail);
            s.setLong(3, id);
        });
    }
}
