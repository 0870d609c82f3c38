package org.gridpatrol.routing.schedule;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.patrol.CheckpointKind;
import org.gridpatrol.routing.solve.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules into visits, expectations counted by hand on a 10-day plan from 1 December. */
class VisitRulesTest {

    static final LocalDate FIRST = LocalDate.of(2026, 12, 1);
    static final GeoPoint AT = new GeoPoint(1.52, 42.5);

    static String spans(List<VisitNeed> needs) {
        return String.join(" ", needs.stream().map(n -> n.release().getDayOfMonth() + "-" + n.due().getDayOfMonth()).toList());
    }

    @Test
    void keyPlacesAreSpreadOverEachWeekAndThePartialLastWeekGetsItsShare() {
        VisitRules rules = new VisitRules(FIRST, 10, Map.of(CheckpointKind.KEY_PLACE, new VisitRules.Rule(null, List.of(), 3)), Map.of());
        List<VisitNeed> needs = rules.needs(List.of(new VisitRules.Place("key_place:9", CheckpointKind.KEY_PLACE, AT, null)));
        // week 1 (7 days) in thirds: days 0-1, 2-3, 4-6; week 2 (3 days): ceil(3·3/7) = 2 visits: days 7-7, 8-9
        assertThat(spans(needs)).isEqualTo("1-2 3-4 5-7 8-8 9-10");
        assertThat(needs).extracting(VisitNeed::visitId).containsExactly("key_place:9@0", "key_place:9@1", "key_place:9@2",
                "key_place:9@3", "key_place:9@4");
        assertThat(needs.get(0).checkpoint().serviceSeconds()).isEqualTo(5 * 60); // the kind's default
    }

    @Test
    void elderlyEveryFourDaysAndRentalsByTheirDueDateWithOverridesWinning() {
        TimeWindow morning = new TimeWindow(9 * 3600, 11 * 3600);
        VisitRules rules = new VisitRules(FIRST, 10, Map.of(
                CheckpointKind.ELDERLY_ALONE, new VisitRules.Rule(600L, List.of(morning), 4),
                CheckpointKind.RENTAL_DUE, new VisitRules.Rule(null, List.of(), 1)),
                Map.of("household:3", new VisitRules.Rule(1200L, null, 0)));
        List<VisitNeed> elderly = rules.needs(List.of(new VisitRules.Place("household:3", CheckpointKind.ELDERLY_ALONE, AT, null)));
        assertThat(spans(elderly)).isEqualTo("1-4 5-8 9-10");
        assertThat(elderly.get(0).checkpoint().serviceSeconds()).isEqualTo(1200);       // the override's service
        assertThat(elderly.get(0).checkpoint().timeWindows()).containsExactly(morning); // the rule's window
        List<VisitNeed> rentals = rules.needs(List.of(
                new VisitRules.Place("rental:1", CheckpointKind.RENTAL_DUE, AT, LocalDate.of(2026, 11, 20)),
                new VisitRules.Place("rental:2", CheckpointKind.RENTAL_DUE, AT, LocalDate.of(2026, 12, 6)),
                new VisitRules.Place("rental:3", CheckpointKind.RENTAL_DUE, AT, LocalDate.of(2026, 12, 11)),
                new VisitRules.Place("key_place:4", CheckpointKind.KEY_PLACE, AT, null)));
        assertThat(rentals).extracting(n -> n.visitId() + " " + spans(List.of(n)) + " " + n.overdue())
                .containsExactly("rental:1 1-1 true", "rental:2 1-6 false"); // rental 3 is due after the plan; no key place rule
    }
}
