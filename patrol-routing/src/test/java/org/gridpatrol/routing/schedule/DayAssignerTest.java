package org.gridpatrol.routing.schedule;

import org.gridpatrol.routing.solve.ArrayTravelMatrix;
import org.gridpatrol.routing.solve.TimeWindow;
import org.gridpatrol.routing.solve.TravelMatrix;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Day assignment on points along a line (base at 0, one minute and 100 m per unit), with expectations
 * worked out by hand in the comments.
 */
class DayAssignerTest {

    static final long EIGHT = 8 * 3600;

    /** Location i lies at {@code xs[i]}; {@code null} marks a place no road reaches. */
    static TravelMatrix line(Integer... xs) {
        int n = xs.length;
        long[][] s = new long[n][n];
        long[][] m = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && (xs[i] == null || xs[j] == null)) {
                    s[i][j] = TravelMatrix.UNREACHABLE;
                    m[i][j] = TravelMatrix.UNREACHABLE;
                } else if (i != j) {
                    s[i][j] = 60L * Math.abs(xs[i] - xs[j]);
                    m[i][j] = 100L * Math.abs(xs[i] - xs[j]);
                }
            }
        }
        return new ArrayTravelMatrix(s, m);
    }

    /** One team at location 0, one hour from 08:00 on each of the given days. */
    static List<ShiftSlot> hourShifts(TravelMatrix m, int... days) {
        List<ShiftSlot> slots = new ArrayList<>();
        for (int d : days) {
            slots.add(new ShiftSlot(d, 0, 0, EIGHT, 3600, m));
        }
        return slots;
    }

    static DueVisit visit(String id, int location, int release, int due, long serviceMinutes, TimeWindow... windows) {
        return new DueVisit(id, id, location, release, due, false, serviceMinutes * 60, List.of(windows));
    }

    static List<String> ids(List<DueVisit> visits) {
        return visits.stream().map(DueVisit::visitId).toList();
    }

    @Test
    void visitsGoToTheCheapestDayBeforeTheirDueDateAndAFullDayPushesTheRestToTheNext() {
        //           base  A   B   C   D
        TravelMatrix m = line(0, 10, 10, 25, 5);
        List<ShiftSlot> slots = hourShifts(m, 0, 1);
        // Day 0 must make A (due day 0): loop 0→10→0 = 20 min + 10 service = 30 min.
        // Then day 0 is filled, cheapest first (+300 s per day of slack, 1 day for B, C, D):
        //   D adds 0 s (on the way, no service) → 300; B adds its 10 min service → 900; C would make the loop
        //   0→10→25→0 = 50 min + 20 service = 70 > 60: it does not fit. So D, then B (D,A,B: 20 min + 20 = 40 min).
        // Day 1 must make C: 0→25→0 + 10 = 60 min: fits exactly.
        Assignment a = new DayAssigner().assign(slots, List.of(visit("A", 1, 0, 0, 10), visit("B", 2, 0, 1, 10),
                visit("C", 3, 0, 1, 10), visit("D", 4, 0, 1, 0)));
        assertThat(a.unmet()).isEmpty();
        assertThat(ids(a.routes().get(0))).containsExactlyInAnyOrder("A", "B", "D");
        assertThat(a.routes().get(0).get(0).visitId()).isEqualTo("D"); // on the way out
        assertThat(ids(a.routes().get(1))).containsExactly("C");
        // day 0: 0→5→10→10→0 = 20 units; day 1: 0→25→0 = 50 units; 100 m each
        assertThat(a.meters()).isEqualTo(7000);
    }

    @Test
    void eachVisitThatCannotBeMetSaysWhy() {
        //           base  E   F  G     H  J   K
        TravelMatrix m = line(0, 40, 5, null, 1, 10, 10);
        List<ShiftSlot> slots = hourShifts(m, 0, 1);
        Assignment a = new DayAssigner().assign(slots, List.of(
                visit("E", 1, 0, 1, 0),                                       // 80 min alone > 60
                visit("F", 2, 2, 3, 0),                                       // no shift on days 2..3
                visit("G", 3, 0, 1, 0),                                       // no road
                visit("H", 4, 0, 1, 0, new TimeWindow(10 * 3600, 11 * 3600)), // shift ends at 09:00
                visit("J", 5, 0, 0, 40),                                      // 20 + 40 = 60 min: fills day 0
                visit("K", 6, 0, 0, 40)));                                    // due day 0 too: no room left
        assertThat(a.unmet()).extracting(u -> u.visit().visitId() + " " + u.reason()).containsExactlyInAnyOrder(
                "E EXCEEDS_SHIFT_ALONE", "F NO_SHIFT_BEFORE_DUE", "G UNREACHABLE", "H OUTSIDE_TIME_WINDOWS",
                "K SHIFTS_FULL");
        assertThat(ids(a.routes().get(0))).containsExactly("J");
        assertThat(a.routes().get(1)).isEmpty();
    }

    @Test
    void aWindowMakesTheTeamWaitAndOverdueVisitsComeFirst() {
        //           base  W   O   N
        TravelMatrix m = line(0, 20, 15, 15);
        List<ShiftSlot> slots = hourShifts(m, 0, 1);
        // W: window 08:30–08:35: leave 08:00, arrive 08:20, wait to 08:30, back 08:50: fits alone, day 0 or 1.
        // O (overdue) and N (due day 0) each take 30 min of travel + 20 service = 50 min: one per day.
        // Day 0 must make O (overdue, first) and N (due day 0): O fits, N no longer does (100 min).
        // Filling day 0, W does not fit either: after O it would arrive at 08:40, past its window, and before O
        // the team would be back at 09:10. So N is unmet and W is made on day 1, when it is due.
        DueVisit overdue = new DueVisit("O", "O", 2, 0, 1, true, 20 * 60, List.of());
        Assignment a = new DayAssigner().assign(slots, List.of(visit("W", 1, 0, 1, 0, new TimeWindow(EIGHT + 1800, EIGHT + 2100)),
                overdue, visit("N", 3, 0, 0, 20)));
        assertThat(ids(a.routes().get(0))).containsExactly("O");
        assertThat(ids(a.routes().get(1))).containsExactly("W");
        assertThat(a.unmet()).extracting(u -> u.visit().visitId() + " " + u.reason()).containsExactly("N SHIFTS_FULL");
        assertThat(SlotRoute.returnTime(slots.get(1), a.routes().get(1))).isEqualTo(EIGHT + 3000);
    }

    @Test
    void aCheckpointIsVisitedAtMostOnceADay() {
        TravelMatrix m = line(0, 10);
        List<ShiftSlot> slots = hourShifts(m, 0, 1);
        // two visits of one place, both possible on days 0..1: day 0's filling takes one, not the other
        Assignment a = new DayAssigner().assign(slots, List.of(new DueVisit("P@0", "P", 1, 0, 1, false, 0, List.of()),
                new DueVisit("P@1", "P", 1, 0, 1, false, 0, List.of())));
        assertThat(a.routes()).allSatisfy(r -> assertThat(r).hasSize(1));
    }

    @Test
    void theGreedyBaselineTakesTheEarliestDueThenTheNearest() {
        //           base  P   Q  R
        TravelMatrix m = line(0, 20, 2, 3);
        List<ShiftSlot> slots = hourShifts(m, 0, 1);
        // day 0: Q is due first (2 min away); then R (1 min) before P (18 min); then P (17 min), home 20 min:
        // 40 min in all, within the hour.
        Assignment a = new GreedyBaseline().assign(slots, List.of(visit("P", 1, 0, 1, 0), visit("Q", 2, 0, 0, 0),
                visit("R", 3, 0, 1, 0)));
        assertThat(ids(a.routes().get(0))).containsExactly("Q", "R", "P");
        assertThat(a.routes().get(1)).isEmpty();
        assertThat(a.meters()).isEqualTo(4000);
    }
}
