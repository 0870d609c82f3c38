package org.gridpatrol.data.patrol;

import org.gridpatrol.routing.graph.GeoPoint;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Stored visit plans: the answer JSON as given (the caller keeps personal data out of it) and each day
 * and team's line, stored in one transaction with an audit event; read back by id; re-planning replaces
 * the answer and the lines from a day on, under the plan's revision (409-style refusal when it moved).
 */
public interface PatrolSchedules {

    /** One day and team's line and totals. */
    record DayLine(LocalDate day, int team, double distanceMeters, double durationSeconds, int stops, List<GeoPoint> line) {
        public DayLine {
            Objects.requireNonNull(day, "day");
            line = List.copyOf(line);
            if (line.isEmpty()) {
                throw new IllegalArgumentException("day " + day + " team " + team + " has an empty line");
            }
        }
    }

    /** A plan to store. */
    record NewSchedule(long jurisdictionId, LocalDate firstDay, int days, String createdBy, String answerJson,
                       List<DayLine> lines) {
        public NewSchedule {
            Objects.requireNonNull(firstDay, "firstDay");
            Objects.requireNonNull(createdBy, "createdBy");
            Objects.requireNonNull(answerJson, "answerJson");
            lines = List.copyOf(lines);
        }
    }

    /** A stored plan. */
    record StoredSchedule(long id, long jurisdictionId, LocalDate firstDay, int days, String createdBy, Instant createdAt,
                          int revision, LocalDate replannedThrough, String answerJson) {
    }

    static PatrolSchedules inPostgis(DataSource dataSource) {
        return new PatrolScheduleStore(dataSource);
    }

    /** A fresh id for a plan about to be stored (so that its answer can name it). */
    long reserveId();

    /** @throws IllegalArgumentException when no jurisdiction has the plan's jurisdiction id */
    void save(long id, NewSchedule schedule);

    Optional<StoredSchedule> find(long id);

    /**
     * Replaces the answer and every line after {@code through} with the re-planned ones, if the plan is still at
     * {@code revision}; returns false (changing nothing) when it moved on meanwhile.
     */
    boolean replan(long id, int revision, LocalDate through, String answerJson, List<DayLine> linesAfter, String user);

    /** How many plans are stored (tests check refused requests store nothing). */
    long count();
}
