package org.gridpatrol.routing.schedule;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.patrol.CheckpointKind;
import org.gridpatrol.routing.patrol.LoopCheckpoint;
import org.gridpatrol.routing.solve.TimeWindow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns register places and a plan's rules into the visits to make over {@code days} days from {@code first}:
 * <ul>
 * <li>a rental due on or before the last day: one visit from the first day to its due date; due before the
 * first day: overdue (planned first);</li>
 * <li>a key place {@code k}× a week: each week of the plan (counted from its first day; a last partial week of
 * {@code L} days gets {@code ceil(k·L/7)} visits) is cut into equal spans, one visit per span, so the visits
 * are spread over the week;</li>
 * <li>an elderly person living alone every {@code N} days: one visit in each span of {@code N} days from the
 * first day (the last span may be shorter).</li>
 * </ul>
 * Service time and windows come from the checkpoint's own override, else its rule, else the kind's
 * default service time. Visit ids are the checkpoint id for rentals and {@code id@n} (its n-th visit) otherwise.
 */
public final class VisitRules {

    /** A register place: {@code nextInspection} for rentals, null otherwise. */
    public record Place(String id, CheckpointKind kind, GeoPoint at, LocalDate nextInspection) {
        public Place {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A rule: service seconds (null: the kind's default), windows, and how often ({@code k} a week for key
     * places, every {@code N} days for elderly people; ignored for rentals). Also a checkpoint's override,
     * where a null {@code windows} keeps the rule's.
     */
    public record Rule(Long serviceSeconds, List<TimeWindow> windows, int count) {
    }

    private final LocalDate first;
    private final int days;
    private final Map<CheckpointKind, Rule> rules;
    private final Map<String, Rule> overrides;

    /** Rules by kind (a kind without a rule gets no visit); overrides by checkpoint id. */
    public VisitRules(LocalDate first, int days, Map<CheckpointKind, Rule> rules, Map<String, Rule> overrides) {
        this.first = Objects.requireNonNull(first, "first");
        this.days = days;
        this.rules = Map.copyOf(rules);
        this.overrides = Map.copyOf(overrides);
        if (days < 1) {
            throw new IllegalArgumentException("days must be >= 1");
        }
    }

    public List<VisitNeed> needs(List<Place> places) {
        List<VisitNeed> needs = new ArrayList<>();
        LocalDate last = first.plusDays(days - 1L);
        for (Place place : places) {
            Rule rule = rules.get(place.kind());
            if (rule == null) {
                continue;
            }
            LoopCheckpoint checkpoint = checkpoint(place, rule);
            switch (place.kind()) {
                case RENTAL_DUE -> {
                    if (place.nextInspection() != null && !place.nextInspection().isAfter(last)) {
                        boolean overdue = place.nextInspection().isBefore(first);
                        needs.add(new VisitNeed(place.id(), "rentals", checkpoint, first, overdue ? first : place.nextInspection(),
                                overdue));
                    }
                }
                case KEY_PLACE -> {
                    int n = 0;
                    for (int week = 0; week * 7 < days; week++) {
                        int length = Math.min(7, days - week * 7);
                        int count = (int) Math.ceil(rule.count() * length / 7.0);
                        for (int i = 0; i < count; i++) {
                            needs.add(new VisitNeed(place.id() + "@" + n++, "keyPlaces", checkpoint,
                                    first.plusDays(week * 7L + (long) i * length / count),
                                    first.plusDays(week * 7L + (long) (i + 1) * length / count - 1), false));
                        }
                    }
                }
                case ELDERLY_ALONE -> {
                    int every = rule.count();
                    for (int n = 0; (long) n * every < days; n++) {
                        needs.add(new VisitNeed(place.id() + "@" + n, "elderlyAlone", checkpoint, first.plusDays((long) n * every),
                                first.plusDays(Math.min(days - 1L, (long) (n + 1) * every - 1)), false));
                    }
                }
                default -> throw new IllegalStateException("unknown kind " + place.kind());
            }
        }
        return needs;
    }

    private LoopCheckpoint checkpoint(Place place, Rule rule) {
        Rule own = overrides.get(place.id());
        Long service = own != null && own.serviceSeconds() != null ? own.serviceSeconds() : rule.serviceSeconds();
        List<TimeWindow> windows = own != null && own.windows() != null ? own.windows() : rule.windows();
        return place.kind().checkpoint(place.id(), place.at(), null, service).withTimeWindows(windows == null ? List.of() : windows);
    }
}
