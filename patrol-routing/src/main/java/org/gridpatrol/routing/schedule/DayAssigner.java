package org.gridpatrol.routing.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which visit is made on which day by which team: a due-date-driven cheapest insertion.
 *
 * <p>Visits are taken overdue first, then by due day, then by how few days they may be made on (the
 * least flexible first). Each goes into the shift slot between its release and due day where its
 * cheapest feasible insertion (travel and waiting added, windows and the shift end respected) plus a
 * spreading term is lowest. The spreading term, {@code spreadSeconds × load share} of the slot, steers
 * visits to emptier days and teams so that later visits still find room; overdue visits also pay one
 * hour per day of delay, so they go to the first days that can hold them. A checkpoint is visited at
 * most once a day. Visits that fit no slot get the reason of {@link SlotRoute#aloneRefusal}, or
 * {@link UnmetReason#SHIFTS_FULL} when they would fit alone.
 *
 * <p>Limits: greedy, no re-assignment once placed; O(visits × slots × route length²).
 */
public final class DayAssigner {

    /** Default weight of a full slot in the spreading term: 15 minutes. */
    public static final long DEFAULT_SPREAD_SECONDS = 900;
    static final long OVERDUE_DELAY_SECONDS_PER_DAY = 3600;

    private final long spreadSeconds;

    public DayAssigner(long spreadSeconds) {
        if (spreadSeconds < 0) {
            throw new IllegalArgumentException("spreadSeconds must be >= 0");
        }
        this.spreadSeconds = spreadSeconds;
    }

    public DayAssigner() {
        this(DEFAULT_SPREAD_SECONDS);
    }

    /** The order visits are placed in: overdue first, then earliest due, then least flexible, then id. */
    static final Comparator<DueVisit> URGENCY = Comparator.comparing((DueVisit v) -> !v.overdue())
            .thenComparingInt(DueVisit::dueDay)
            .thenComparingInt(v -> v.dueDay() - v.releaseDay())
            .thenComparing(DueVisit::visitId);

    public Assignment assign(List<ShiftSlot> slots, List<DueVisit> visits) {
        List<SlotRoute> routes = new ArrayList<>();
        slots.forEach(s -> routes.add(new SlotRoute(s)));
        Set<String> visitedOnDay = new HashSet<>();
        List<Assignment.Unmet> unmet = new ArrayList<>();
        List<DueVisit> ordered = new ArrayList<>(visits);
        ordered.sort(URGENCY);
        for (DueVisit visit : ordered) {
            List<ShiftSlot> candidates = new ArrayList<>();
            SlotRoute best = null;
            long[] bestInsertion = null;
            double bestScore = Double.MAX_VALUE;
            for (SlotRoute route : routes) {
                ShiftSlot slot = route.slot;
                if (slot.day() < visit.releaseDay() || slot.day() > visit.dueDay()) {
                    continue;
                }
                candidates.add(slot);
                if (visitedOnDay.contains(slot.day() + "|" + visit.checkpointId())) {
                    continue;
                }
                long[] insertion = route.cheapestInsertion(visit);
                if (insertion == null) {
                    continue;
                }
                double score = insertion[1] + spreadSeconds * (double) route.busySeconds() / slot.lengthSeconds()
                        + (visit.overdue() ? OVERDUE_DELAY_SECONDS_PER_DAY * (double) slot.day() : 0);
                if (score < bestScore) {
                    bestScore = score;
                    best = route;
                    bestInsertion = insertion;
                }
            }
            if (best == null) {
                UnmetReason alone = SlotRoute.aloneRefusal(visit, candidates);
                unmet.add(new Assignment.Unmet(visit, alone == null ? UnmetReason.SHIFTS_FULL : alone));
                continue;
            }
            best.insert(visit, (int) bestInsertion[0]);
            visitedOnDay.add(best.slot.day() + "|" + visit.checkpointId());
        }
        return new Assignment(slots, routes.stream().map(r -> r.visits).toList(), unmet);
    }
}
