package org.gridpatrol.data.patrol;

import org.gridpatrol.routing.graph.GeoPoint;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which planned visits happened: a GPS track ({@code patrol_track}) of the jurisdiction, of the visit's
 * team when it names one, that overlaps the visit's day and passes within 50 m of the checkpoint; or, for
 * a rental, an inspection recorded from the visit's day to the re-planning day. Reads only.
 */
public interface VisitConfirmations {

    /** How close a track must pass for a visit to count as made. */
    double TRACK_METERS = 50;

    /**
     * A planned visit: its checkpoint id ({@code rental:17} for rentals), where, and the span of its day.
     *
     * @param teamId the {@code patrol_team} whose tracks count, or null for any track of the jurisdiction
     */
    record Planned(String visitId, String checkpointId, GeoPoint at, Instant dayStart, Instant dayEnd, LocalDate day,
                   Long teamId) {
        public Planned {
            Objects.requireNonNull(visitId, "visitId");
            Objects.requireNonNull(checkpointId, "checkpointId");
            Objects.requireNonNull(at, "at");
        }
    }

    static VisitConfirmations inPostgis(DataSource dataSource) {
        return new VisitConfirmationQueries(dataSource);
    }

    /** The ids of the visits confirmed by a track of {@code jurisdictionId}'s scope or an inspection up to {@code through}. */
    Set<String> confirmed(long jurisdictionId, List<Planned> visits, LocalDate through);
}
