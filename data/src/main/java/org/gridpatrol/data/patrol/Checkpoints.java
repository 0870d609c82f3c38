package org.gridpatrol.data.patrol;

import org.gridpatrol.data.postgis.UnknownIdException;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.patrol.CheckpointKind;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checkpoints chosen from the registers: rentals of a grid with an inspection due within N days,
 * the grid's key places, the homes of elderly people living alone. Answers ids, kinds and positions
 * only: no names, phones or addresses.
 */
public interface Checkpoints {

    /** A place to visit. */
    record Place(String id, CheckpointKind kind, GeoPoint at) {
    }

    /** A place of the registers with its next inspection date (rentals; null for other kinds). */
    record DatedPlace(String id, CheckpointKind kind, GeoPoint at, LocalDate nextInspection) {
    }

    /** The checkpoints in the registers of this database. */
    static Checkpoints inPostgis(DataSource dataSource) {
        return new CheckpointQueries(dataSource);
    }

    /**
     * The grid's checkpoints of the given kinds, ordered by kind then row id.
     *
     * @param dueWithinDays rentals whose next inspection falls on or before {@code today + dueWithinDays}
     *                      (overdue ones included), 0 to 366
     * @throws IllegalArgumentException when {@code dueWithinDays} is out of range
     * @throws UnknownIdException       when no grid has the id
     */
    List<Place> inGrid(long gridId, Set<CheckpointKind> kinds, int dueWithinDays, LocalDate today);

    /**
     * The places of the given kinds in a jurisdiction (and every one below it) or, when {@code gridIds} is
     * not empty, in those grids; rentals only when their next inspection is set and falls on or before
     * {@code rentalsDueBy}. Ordered by kind then row id; at most {@code limit + 1} rows, so that callers can
     * tell a selection that is too large.
     */
    List<DatedPlace> forVisitPlan(long jurisdictionId, List<Long> gridIds, Set<CheckpointKind> kinds, LocalDate rentalsDueBy,
                                  int limit);

    /** @throws UnknownIdException when no grid has the id */
    long jurisdictionOfGrid(long gridId);

    /** The deepest jurisdiction (village, else township, else county) containing the point. */
    Optional<Long> jurisdictionAt(GeoPoint point);
}
