package org.gridpatrol.web.patrol;

import org.gridpatrol.data.patrol.Checkpoints;
import org.gridpatrol.routing.patrol.CheckpointKind;
import org.gridpatrol.routing.patrol.LoopCheckpoint;
import org.gridpatrol.routing.schedule.VisitNeed;
import org.gridpatrol.routing.solve.TimeWindow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the registers' places and the plan's rules into the visits to make:
 * <ul>
 * <li>a rental due on or before the last day: one visit from the first day to its due date; due before the
 * first day: overdue (planned first);</li>
 * <li>a key place {@code k}× a week: each week of the plan (from its first day; a last partial week of
 * {@code L} days gets {@code ceil(k·L/7)}) is cut into {@code k} equal spans, one visit per span, so visits are
 * spread over the week;</li>
 * <li>an elderly person living alone every {@code N} days: one visit in each span of {@code N} days from the
 * first day (the last span may be shorter).</li>
 * </ul>
 * Service time and windows come from the checkpoint's override, else its rule, else the kind's default.
 * Visit ids are the checkpoint id for rentals and {@code id@n} (the n-th visit) otherwise.
 */
final class VisitRules {

    private VisitRules() {
    }

    static List<VisitNeed> needs(List<Checkpoints.DatedPlace> places, ScheduleRequestReader.Checked plan) {
        List<VisitNeed> needs = new ArrayList<>();
        LocalDate first = plan.firstDay();
        int days = plan.days();
        for (Checkpoints.DatedPlace place : places) {
            switch (place.kind()) {
                case RENTAL_DUE -> {
                    if (plan.rentals() == null || place.nextInspection() == null || place.nextInspection().isAfter(plan.lastDay())) {
                        continue;
                    }
                    boolean overdue = place.nextInspection().isBefore(first);
                    needs.add(new VisitNeed(place.id(), "rentals", checkpoint(place, plan.rentals(), plan), first,
                            overdue ? first : place.nextInspection(), overdue));
                }
                case KEY_PLACE -> {
                    if (plan.keyPlaces() == null) {
                        continue;
                    }
                    LoopCheckpoint checkpoint = checkpoint(place, plan.keyPlaces(), plan);
                    int n = 0;
                    for (int week = 0; week * 7 < days; week++) {
                        int length = Math.min(7, days - week * 7);
                        int count = (int) Math.ceil(plan.keyPlaces().count() * length / 7.0);
                        for (int i = 0; i < count; i++) {
                            int release = week * 7 + i * length / count;
                            int due = week * 7 + (i + 1) * length / count - 1;
                            needs.add(new VisitNeed(place.id() + "@" + n++, "keyPlaces", checkpoint,
                                    first.plusDays(release), first.plusDays(due), false));
                        }
                    }
                }
                case ELDERLY_ALONE -> {
                    if (plan.elderly() == null) {
                        continue;
                    }
                    LoopCheckpoint checkpoint = checkpoint(place, plan.elderly(), plan);
                    int every = plan.elderly().count();
                    for (int n = 0; n * every < days; n++) {
                        needs.add(new VisitNeed(place.id() + "@" + n, "elderlyAlone", checkpoint, first.plusDays((long) n * every),
                                first.plusDays(Math.min(days - 1L, (long) (n + 1) * every - 1)), false));
                    }
                }
                default -> throw new IllegalStateException("unknown kind " + place.kind());
            }
        }
        return needs;
    }

    private static LoopCheckpoint checkpoint(Checkpoints.DatedPlace place, ScheduleRequestReader.Rule rule,
                                             ScheduleRequestReader.Checked plan) {
        ScheduleRequestReader.Override own = plan.overrides().get(place.id());
        Long service = own != null && own.serviceSeconds() != null ? own.serviceSeconds() : rule.serviceSeconds();
        List<TimeWindow> windows = own != null && own.windows() != null ? own.windows() : rule.windows();
        CheckpointKind kind = place.kind();
        return kind.checkpoint(place.id(), place.at(), null, service).withTimeWindows(windows);
    }
}
