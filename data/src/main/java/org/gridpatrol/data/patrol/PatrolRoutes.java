package org.gridpatrol.data.patrol;

import org.gridpatrol.routing.graph.GeoPoint;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Stored patrol routes: the answer JSON as given (the caller keeps personal data out of it) and each
 * team's line, stored in one transaction with an audit event, and read back by id.
 */
public interface PatrolRoutes {

    /** One team's line and totals. */
    record TeamLine(int team, double distanceMeters, double durationSeconds, int stops, List<GeoPoint> line) {
        public TeamLine {
            line = List.copyOf(line);
            if (line.isEmpty()) {
                throw new IllegalArgumentException("team " + team + " has an empty line");
            }
        }
    }

    /** A route to store. */
    record NewRoute(long jurisdictionId, String kind, String mode, String createdBy, String answerJson,
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
    record StoredRoute(long id, long jurisdictionId, String kind, String mode, String createdBy,
                       Instant createdAt, String answerJson) {
    }

    /** The {@code patrol_route} and {@code patrol_route_team} tables of this database. */
    static PatrolRoutes inPostgis(DataSource dataSource) {
        return new PatrolRouteStore(dataSource);
    }

    /** A fresh id for a route about to be stored (so that its answer can name it). */
    long reserveId();

    /**
     * Stores the route under {@code id} (from {@link #reserveId()}).
     *
     * @throws IllegalArgumentException when no jurisdiction has the route's jurisdiction id
     */
    void save(long id, NewRoute route);

    Optional<StoredRoute> find(long id);

    /** How many routes are stored (tests check refused requests store nothing). */
    long count();
}
