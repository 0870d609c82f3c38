package org.gridpatrol.routing.schedule;

import java.util.List;
import java.util.Objects;

/**
 * Visits per shift slot (same order as the slots given, each in a feasible visiting order) and the
 * visits in no slot with the reason. Every visit given is in exactly one of the two.
 */
public record Assignment(List<ShiftSlot> slots, List<List<DueVisit>> routes, List<Unmet> unmet) {

    public Assignment {
        slots = List.copyOf(slots);
        routes = routes.stream().map(List::copyOf).toList();
        unmet = List.copyOf(unmet);
        if (slots.size() != routes.size()) {
            throw new IllegalArgumentException("one route per slot");
        }
    }

    /** A visit in no route. */
    public record Unmet(DueVisit visit, UnmetReason reason) {
        public Unmet {
            Objects.requireNonNull(visit, "visit");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public int planned() {
        return routes.stream().mapToInt(List::size).sum();
    }

    /** Travel metres of all routes by their matrices (base → visits → base). */
    public long meters() {
        long total = 0;
        for (int s = 0; s < slots.size(); s++) {
            total += SlotRoute.meters(slots.get(s), routes.get(s));
        }
        return total;
    }
}
