package org.gridpatrol.routing.schedule;

import org.gridpatrol.routing.solve.TravelMatrix;

import java.util.ArrayList;
import java.util.List;

/**
 * A slot's visits in order, timed by the slot's matrix: leave the base at the shift start, wait for a
 * window to open where needed, serve, return before the shift ends. Used by both assigners to check
 * and price insertions; the routes finally driven come from the loop planner.
 */
final class SlotRoute {

    static final long INFEASIBLE = -1;

    final ShiftSlot slot;
    final List<DueVisit> visits = new ArrayList<>();
    private long end;
    private long waitSeconds;

    SlotRoute(ShiftSlot slot) {
        this.slot = slot;
        this.end = slot.startSeconds();
    }

    /** Seconds from the shift start to the return at base (0 when empty). */
    long busySeconds() {
        return end - slot.startSeconds();
    }

    /**
     * The cheapest feasible insertion: {@code [position, added seconds]}, or null when it fits nowhere.
     * Positions are tried by added travel (O(1) each) and timed in full only while their travel and service,
     * less the route's waiting (which an insertion may absorb), can still beat the best found.
     */
    long[] cheapestInsertion(DueVisit visit) {
        TravelMatrix m = slot.matrix();
        int n = visits.size();
        long[][] byTravel = new long[n + 1][];
        int count = 0;
        for (int position = 0; position <= n; position++) {
            int before = position == 0 ? slot.baseLocation() : visits.get(position - 1).location();
            int after = position == n ? slot.baseLocation() : visits.get(position).location();
            long in = m.seconds(before, visit.location());
            long out = m.seconds(visit.location(), after);
            if (in == TravelMatrix.UNREACHABLE || out == TravelMatrix.UNREACHABLE) {
                continue;
            }
            byTravel[count++] = new long[] {position, in + out - m.seconds(before, after)};
        }
        java.util.Arrays.sort(byTravel, 0, count, java.util.Comparator.comparingLong(a -> a[1]));
        List<DueVisit> trial = new ArrayList<>(n + 1);
        long[] best = null;
        for (int k = 0; k < count; k++) {
            if (best != null && byTravel[k][1] + visit.serviceSeconds() - waitSeconds >= best[1]) {
                break; // no later position can add less than its travel and service, less the waiting it may absorb
            }
            int position = (int) byTravel[k][0];
            trial.clear();
            trial.addAll(visits.subList(0, position));
            trial.add(visit);
            trial.addAll(visits.subList(position, n));
            long returned = returnTime(slot, trial);
            if (returned != INFEASIBLE && (best == null || returned - end < best[1])) {
                best = new long[] {position, returned - end};
            }
        }
        return best;
    }

    void insert(DueVisit visit, int position) {
        visits.add(position, visit);
        end = returnTime(slot, visits);
        long t = slot.startSeconds();
        int at = slot.baseLocation();
        waitSeconds = 0;
        for (DueVisit v : visits) {
            long arrival = t + slot.matrix().seconds(at, v.location());
            long start = v.serviceStart(arrival);
            waitSeconds += start - arrival;
            t = start + v.serviceSeconds();
            at = v.location();
        }
    }

    /** The time (seconds of the day) the team is back at base after these visits, or {@link #INFEASIBLE}. */
    static long returnTime(ShiftSlot slot, List<DueVisit> visits) {
        TravelMatrix m = slot.matrix();
        long t = slot.startSeconds();
        int at = slot.baseLocation();
        for (DueVisit v : visits) {
            long leg = m.seconds(at, v.location());
            if (leg == TravelMatrix.UNREACHABLE) {
                return INFEASIBLE;
            }
            long start = v.serviceStart(t + leg);
            if (start < 0) {
                return INFEASIBLE;
            }
            t = start + v.serviceSeconds();
            at = v.location();
        }
        long home = m.seconds(at, slot.baseLocation());
        if (home == TravelMatrix.UNREACHABLE || t + home > slot.endSeconds()) {
            return INFEASIBLE;
        }
        return t + home;
    }

    static long meters(ShiftSlot slot, List<DueVisit> visits) {
        long total = 0;
        int at = slot.baseLocation();
        for (DueVisit v : visits) {
            total += slot.matrix().meters(at, v.location());
            at = v.location();
        }
        return visits.isEmpty() ? 0 : total + slot.matrix().meters(at, slot.baseLocation());
    }

    /** Why {@code visit} fits none of {@code candidates} even alone, or null when it fits one of them alone. */
    static UnmetReason aloneRefusal(DueVisit visit, List<ShiftSlot> candidates) {
        if (candidates.isEmpty()) {
            return UnmetReason.NO_SHIFT_BEFORE_DUE;
        }
        boolean reachable = false;
        boolean inShift = false;
        for (ShiftSlot slot : candidates) {
            TravelMatrix m = slot.matrix();
            if (!m.reachable(slot.baseLocation(), visit.location()) || !m.reachable(visit.location(), slot.baseLocation())) {
                continue;
            }
            reachable = true;
            long plain = slot.startSeconds() + m.seconds(slot.baseLocation(), visit.location()) + visit.serviceSeconds()
                    + m.seconds(visit.location(), slot.baseLocation());
            if (plain <= slot.endSeconds()) {
                inShift = true;
            }
            if (returnTime(slot, List.of(visit)) != INFEASIBLE) {
                return null;
            }
        }
        if (!reachable) {
            return UnmetReason.UNREACHABLE;
        }
        return inShift ? UnmetReason.OUTSIDE_TIME_WINDOWS : UnmetReason.EXCEEDS_SHIFT_ALONE;
    }
}
