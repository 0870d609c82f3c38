package org.gridpatrol.data.patrol;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Stored GPS tracks ({@code patrol_track}, V16): raw fixes as a LineStringM (M = epoch seconds) and
 * the map-matched lines, stored in one transaction with an audit event; listed, read, deleted; and
 * the coverage figures that need PostGIS (households and checkpoints near the tracks).
 */
public interface PatrolTracks {

    /** A matched track to store; {@code fixes} are {@code {lon, lat, epochSeconds}} in time order. */
    record NewTrack(long jurisdictionId, Long teamId, Long workerUserId, String source, String mode, String createdBy,
                    List<double[]> fixes, String matchedWkt, int matchedPoints, int chains, double rawLengthMeters,
                    double matchedLengthMeters) {
        public NewTrack {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(createdBy, "createdBy");
            fixes = List.copyOf(fixes);
            if (fixes.size() < 2) {
                throw new IllegalArgumentException("a track needs at least two fixes");
            }
            if ((teamId == null) == (workerUserId == null)) {
                throw new IllegalArgumentException("a track belongs to a team or to a worker, exactly one");
            }
        }
    }

    /** A stored track without its geometry; {@code workerName} is the worker's user name (personal). */
    record TrackSummary(long id, long jurisdictionId, Long teamId, String teamName, Long workerUserId, String workerName,
                        Instant startedAt, Instant endedAt, String source, String mode, int pointCount, int matchedPoints,
                        int chains, double rawLengthMeters, double matchedLengthMeters, String createdBy,
                        Instant createdAt) {
    }

    /** A stored track with its lines as GeoJSON geometries ({@code matchedGeoJson} may be null). */
    record TrackDetail(TrackSummary summary, String pointsGeoJson, String matchedGeoJson) {
    }

    /**
     * Which tracks: those overlapping {@code [from, to)}, and when given, inside jurisdiction
     * {@code within} (or below it), of one team, of one worker, or whose matched line crosses one grid.
     */
    record Selection(Long within, Long teamId, Long workerUserId, Long gridId, Instant from, Instant to) {
        public Selection {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("the period must end after it starts");
            }
        }
    }

    /** Households of a grid and how many lie within the distance of a matched track. */
    record HouseholdsPassed(int households, int passed) {
    }

    /** A stop of a stored route and whether a fix of the selected tracks came within the distance. */
    record CheckpointVisit(String checkpointId, String kind, double lon, double lat, boolean visited) {
    }

    static PatrolTracks inPostgis(DataSource dataSource) {
        return new PatrolTrackStore(dataSource);
    }

    /** Stores the track and an audit event; returns its id. */
    long save(NewTrack track);

    Optional<TrackDetail> find(long id);

    /** The selected tracks, oldest first, at most {@code limit}. */
    List<TrackSummary> list(Selection selection, int limit);

    /** Deletes the track with an audit event; false when there is none. */
    boolean delete(long id, String by);

    long count();

    /** The jurisdiction of a patrol team, empty when no team has the id. */
    Optional<Long> jurisdictionOfTeam(long teamId);

    /** The jurisdiction of a user, empty when no user has the id or the user has none. */
    Optional<Long> jurisdictionOfUser(long userId);

    /** The id of the user with this login name. */
    Optional<Long> userIdOf(String username);

    /** The matched lines (WKT MULTILINESTRING) of the selected tracks. */
    List<String> matchedWkt(Selection selection);

    /** Grids (ids) the matched lines of the selected tracks cross. */
    List<Long> gridsCrossed(Selection selection);

    HouseholdsPassed householdsPassed(long gridId, Selection selection, double meters);

    /**
     * The stops of stored route {@code routeId}, each visited when a raw fix of the selected tracks,
     * taken inside the period, lies within {@code meters}.
     */
    List<CheckpointVisit> checkpointVisits(long routeId, Selection selection, double meters);
}
