package org.gridpatrol.routing.schedule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmark's reference assignment: day by day, each team in turn builds its route by nearest
 * neighbour from its base, always taking among the visits it can still fit (released, not past due,
 * window and return to base within the shift) those due earliest, and among them the nearest. Same
 * feasibility rules and unmet reasons as {@link DayAssigner}.
 */
public final class GreedyBaseline {

    public Assignment assign(List<ShiftSlot> slots, List<DueVisit> visits) {
        List<DueVisit> pending = new ArrayList<>(visits);
        pending.sort(DayAssigner.URGENCY);
        List<List<DueVisit>> routes = new ArrayList<>();
        slots.forEach(s -> routes.add(new ArrayList<>()));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> slots.get(a).day() != slots.get(b).day() ? Integer.compare(slots.get(a).day(), slots.get(b).day())
                : Long.compare(slots.get(a).startSeconds(), slots.get(b).startSeconds()));
        Set<String> visitedOnDay = new HashSet<>();
        for (int index : order) {
            ShiftSlot slot = slots.get(index);
            List<DueVisit> route = routes.get(index);
            while (true) {
                DueVisit next = null;
                long nextTravel = Long.MAX_VALUE;
                int at = route.isEmpty() ? slot.baseLocation() : route.get(route.size() - 1).location();
                for (DueVisit v : pending) {
                    if (next != null && rank(v) > rank(next)) {
                        break; // pending is sorted by urgency: nothing later beats an earlier due day
                    }
                    if (v.releaseDay() > slot.day() || v.dueDay() < slot.day()
                            || visitedOnDay.contains(slot.day() + "|" + v.checkpointId())) {
                        continue;
                    }
                    long travel = slot.matrix().seconds(at, v.location());
                    if (travel >= nextTravel) {
                        continue;
                    }
                    route.add(v);
                    boolean fits = SlotRoute.returnTime(slot, route) != SlotRoute.INFEASIBLE;
                    route.remove(route.size() - 1);
                    if (fits) {
                        next = v;
                        nextTravel = travel;
                    }
                }
                if (next == null) {
                    break;
                }
                route.add(next);
                pending.remove(next);
                visitedOnDay.add(slot.day() + "|" + next.checkpointId());
            }
        }
        List<Assignment.Unmet> unmet = new ArrayList<>();
        for (DueVisit v : pending) {
            List<ShiftSlot> candidates = slots.stream().filter(s -> s.day() >= v.releaseDay() && s.day() <= v.dueDay()).toList();
            UnmetReason alone = SlotRoute.aloneRefusal(v, candidates);
            unmet.add(new Assignment.Unmet(v, alone == null ? UnmetReason.SHIFTS_FULL : alone));
        }
        return new Assignment(slots, routes, unmet);
    }

    /** Overdue visits before every other; then by due day. */
    private static int rank(DueVisit v) {
        return v.overdue() ? -1 : v.dueDay();
    }
}
