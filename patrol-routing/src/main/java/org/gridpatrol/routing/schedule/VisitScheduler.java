package org.gridpatrol.routing.schedule;

import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.PointOffNetworkException;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.matrix.RoadMatrix;
import org.gridpatrol.routing.matrix.RoadMatrixBuilder;
import org.gridpatrol.routing.patrol.LoopCheckpoint;
import org.gridpatrol.routing.patrol.LoopRequest;
import org.gridpatrol.routing.patrol.PatrolLoopResult;
import org.gridpatrol.routing.patrol.PatrolLoops;
import org.gridpatrol.routing.solve.ArrayTravelMatrix;
import org.gridpatrol.routing.solve.DropReason;
import org.gridpatrol.routing.solve.TravelMatrix;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * Plans visits over days end to end: snaps every base and checkpoint once per travel mode (checkpoints
 * farther than 300 m from a road of the mode count as unreachable for it; a base that far is refused),
 * builds one travel matrix per mode, decides the days ({@link DayAssigner}, or {@link GreedyBaseline}
 * for comparison), then plans each day and team's loop with its windows through {@link PatrolLoops}.
 * Visits the loop planner drops become unmet with its reason. Pure computation: storing is the caller's.
 *
 * @throws PointOffNetworkException (from {@link #plan}) when a team's base lies off the road network,
 *         labelled {@code teams[i].base}
 */
public final class VisitScheduler {

    /** Planner budget per day and team loop: small loops are solved exactly long before it. */
    public static final Duration DEFAULT_LOOP_BUDGET = Duration.ofMillis(100);

    private final RoutingGraph graph;
    private Duration loopBudget = DEFAULT_LOOP_BUDGET;
    private boolean baseline;
    private long slackSecondsPerDay = DayAssigner.DEFAULT_SLACK_SECONDS_PER_DAY;
    private BiConsumer<Integer, Integer> progress = (done, total) -> { };

    public VisitScheduler(RoutingGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    public VisitScheduler loopBudget(Duration budget) {
        this.loopBudget = Objects.requireNonNull(budget, "budget");
        return this;
    }

    /** {@link DayAssigner}'s preference for visits due sooner when filling a day, per day of slack. */
    public VisitScheduler slackSecondsPerDay(long seconds) {
        this.slackSecondsPerDay = seconds;
        return this;
    }

    /** Use {@link GreedyBaseline} instead of {@link DayAssigner} (the benchmark's reference). */
    public VisitScheduler greedyBaseline(boolean greedy) {
        this.baseline = greedy;
        return this;
    }

    /** Told (loops planned, loops to plan) after the assignment and after each loop. */
    public VisitScheduler progress(BiConsumer<Integer, Integer> listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** The days decided but no loops planned: what the benchmark compares. */
    public Assignment assignOnly(ScheduleRequest request) {
        return new Model(request).assign();
    }

    public VisitSchedule plan(ScheduleRequest request) {
        Model model = new Model(request);
        Assignment assignment = model.assign();
        List<ShiftSlot> slots = assignment.slots();
        List<Assignment.Unmet> unmet = new ArrayList<>(assignment.unmet());
        int total = (int) assignment.routes().stream().filter(r -> !r.isEmpty()).count();
        progress.accept(0, total);
        SlotLoop[] loops = new SlotLoop[slots.size()];
        int done = 0;
        for (int s = 0; s < slots.size(); s++) {
            if (!assignment.routes().get(s).isEmpty()) {
                loops[s] = loop(model, slots.get(s), assignment.routes().get(s), unmet);
                progress.accept(++done, total);
            }
        }
        // the loops are shorter than the insertion order they came from: offer the room to visits left over
        boolean[] changed = refill(model, slots, loops, unmet);
        int again = 0;
        for (boolean c : changed) {
            again += c ? 1 : 0;
        }
        total += again;
        for (int s = 0; s < slots.size(); s++) {
            if (changed[s]) {
                loops[s] = loop(model, slots.get(s), loops[s].visits(), unmet);
                progress.accept(++done, total);
            }
        }
        List<VisitSchedule.DayRoute> routes = new ArrayList<>();
        for (int s = 0; s < slots.size(); s++) {
            if (loops[s] != null) {
                ShiftSlot slot = slots.get(s);
                LocalDate day = request.firstDay().plusDays(slot.day());
                routes.add(new VisitSchedule.DayRoute(day, slot.team(), request.teams().get(slot.team()).shifts().get(day),
                        loops[s].loop(), loops[s].visits().stream().map(model::needOf).toList()));
            }
        }
        List<VisitSchedule.UnmetVisit> unmetVisits = new ArrayList<>();
        unmet.forEach(u -> unmetVisits.add(new VisitSchedule.UnmetVisit(model.needOf(u.visit()), u.reason())));
        return new VisitSchedule(routes, unmetVisits);
    }

    /** A slot's planned loop and its visits in stop order. */
    private record SlotLoop(PatrolLoopResult.TeamLoop loop, List<DueVisit> visits) {
    }

    /** Plans one slot's loop; visits the loop planner drops are added to {@code unmet}. */
    private SlotLoop loop(Model model, ShiftSlot slot, List<DueVisit> visits, List<Assignment.Unmet> unmet) {
        ScheduleRequest request = model.request;
        ScheduleTeam team = request.teams().get(slot.team());
        LocalDate day = request.firstDay().plusDays(slot.day());
        Map<String, DueVisit> byCheckpoint = new LinkedHashMap<>();
        List<LoopCheckpoint> checkpoints = new ArrayList<>();
        for (DueVisit v : visits) {
            byCheckpoint.put(v.checkpointId(), v);
            checkpoints.add(model.needOf(v).checkpoint());
        }
        Instant start = day.atStartOfDay(request.zone()).toInstant().plusSeconds(slot.startSeconds());
        LoopRequest loop = new LoopRequest(team.mode(), slot.lengthSeconds(), List.of(team.base()), checkpoints, start,
                null, slot.startSeconds());
        PatrolLoopResult result = new PatrolLoops(loop, graph).plannerBudget(loopBudget).getResult();
        for (PatrolLoopResult.Dropped d : result.dropped()) {
            unmet.add(new Assignment.Unmet(byCheckpoint.get(d.checkpoint().id()), reasonOf(d.reason())));
        }
        PatrolLoopResult.TeamLoop teamLoop = result.loops().get(0);
        return new SlotLoop(teamLoop, teamLoop.stops().stream().map(st -> byCheckpoint.get(st.checkpoint().id())).toList());
    }

    /**
     * Inserts visits left over for want of room (most urgent first, cheapest insertion, windows and shift ends
     * respected) into the planned loops' visiting orders; which slots changed.
     */
    private static boolean[] refill(Model model, List<ShiftSlot> slots, SlotLoop[] loops, List<Assignment.Unmet> unmet) {
        boolean[] changed = new boolean[slots.size()];
        List<SlotRoute> routes = new ArrayList<>();
        java.util.Set<String> visitedOnDay = new java.util.HashSet<>();
        for (int s = 0; s < slots.size(); s++) {
            SlotRoute route = new SlotRoute(slots.get(s));
            if (loops[s] != null) {
                for (DueVisit v : loops[s].visits()) {
                    route.insert(v, route.visits.size());
                    visitedOnDay.add(slots.get(s).day() + "|" + v.checkpointId());
                }
            }
            routes.add(route);
        }
        int lastDay = model.request.days() - 1;
        List<Assignment.Unmet> full = unmet.stream().filter(u -> u.reason() == UnmetReason.SHIFTS_FULL)
                .sorted((a, b) -> DayAssigner.URGENCY.compare(a.visit(), b.visit())).toList();
        for (Assignment.Unmet u : full) {
            DueVisit v = u.visit();
            int best = -1;
            long[] bestInsertion = null;
            for (int s = 0; s < slots.size(); s++) {
                ShiftSlot slot = slots.get(s);
                int due = v.overdue() ? lastDay : v.dueDay();
                if (slot.day() < v.releaseDay() || slot.day() > due || visitedOnDay.contains(slot.day() + "|" + v.checkpointId())) {
                    continue;
                }
                long[] insertion = routes.get(s).cheapestInsertion(v);
                if (insertion != null && (bestInsertion == null || insertion[1] < bestInsertion[1])) {
                    best = s;
                    bestInsertion = insertion;
                }
            }
            if (best >= 0) {
                routes.get(best).insert(v, (int) bestInsertion[0]);
                visitedOnDay.add(slots.get(best).day() + "|" + v.checkpointId());
                unmet.remove(u);
                changed[best] = true;
            }
        }
        for (int s = 0; s < slots.size(); s++) {
            if (changed[s]) {
                loops[s] = new SlotLoop(loops[s] == null ? null : loops[s].loop(), List.copyOf(routes.get(s).visits));
            }
        }
        return changed;
    }

    static UnmetReason reasonOf(DropReason reason) {
        return switch (reason) {
            case UNREACHABLE -> UnmetReason.UNREACHABLE;
            case OUTSIDE_TIME_WINDOWS -> UnmetReason.OUTSIDE_TIME_WINDOWS;
            case EXCEEDS_SHIFT_ALONE -> UnmetReason.EXCEEDS_SHIFT_ALONE;
            case LOWER_PRIORITY_THAN_KEPT -> UnmetReason.SHIFTS_FULL;
        };
    }

    /** The request as matrix locations, slots and due visits. */
    private final class Model {
        final ScheduleRequest request;
        final List<ShiftSlot> slots = new ArrayList<>();
        final List<DueVisit> visits = new ArrayList<>();
        final Map<String, VisitNeed> needs = new HashMap<>();

        Model(ScheduleRequest request) {
            this.request = request;
            List<GeoPoint> points = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            Map<String, Integer> checkpointLocation = new HashMap<>();
            for (int t = 0; t < request.teams().size(); t++) {
                points.add(request.teams().get(t).base());
                labels.add("teams[" + t + "].base");
            }
            for (VisitNeed need : request.needs()) {
                checkpointLocation.computeIfAbsent(need.checkpoint().id(), id -> {
                    points.add(need.checkpoint().at());
                    labels.add(id);
                    return points.size() - 1;
                });
            }
            Map<TravelMode, TravelMatrix> matrices = new EnumMap<>(TravelMode.class);
            for (ScheduleTeam team : request.teams()) {
                matrices.computeIfAbsent(team.mode(), mode -> matrix(mode, points, labels, request.teams().size()));
            }
            for (int d = 0; d < request.days(); d++) {
                LocalDate day = request.firstDay().plusDays(d);
                for (int t = 0; t < request.teams().size(); t++) {
                    ScheduleTeam team = request.teams().get(t);
                    ScheduleTeam.DailyShift shift = team.shifts().get(day);
                    if (shift != null) {
                        slots.add(new ShiftSlot(d, t, t, shift.startSeconds(), shift.lengthSeconds(), matrices.get(team.mode())));
                    }
                }
            }
            int last = request.days() - 1;
            for (VisitNeed need : request.needs()) {
                int release = (int) Math.max(0, Math.min(last + 1, need.release().toEpochDay() - request.firstDay().toEpochDay()));
                int due = need.overdue() ? last
                        : (int) Math.min(last, need.due().toEpochDay() - request.firstDay().toEpochDay());
                DueVisit visit = new DueVisit(need.visitId(), need.checkpoint().id(), checkpointLocation.get(need.checkpoint().id()),
                        Math.min(release, Math.max(due, 0)), Math.max(due, 0), need.overdue(), need.checkpoint().serviceSeconds(),
                        need.checkpoint().timeWindows());
                visits.add(visit);
                needs.put(need.visitId(), need);
            }
        }

        Assignment assign() {
            return baseline ? new GreedyBaseline().assign(slots, visits) : new DayAssigner(slackSecondsPerDay).assign(slots, visits);
        }

        VisitNeed needOf(DueVisit visit) {
            return needs.get(visit.visitId());
        }

        /** The mode's matrix over all points; checkpoints it cannot snap are unreachable, bases are refused. */
        private TravelMatrix matrix(TravelMode mode, List<GeoPoint> points, List<String> labels, int bases) {
            int n = points.size();
            boolean[] snapped = new boolean[n];
            IntStream.range(0, n).parallel().forEach(i -> {
                try {
                    graph.snap(mode, points.get(i), labels.get(i), RoadMatrixBuilder.DEFAULT_MAX_SNAP_METERS);
                    snapped[i] = true;
                } catch (PointOffNetworkException e) {
                    snapped[i] = false;
                }
            });
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!snapped[i] && i < bases) {
                    graph.snap(mode, points.get(i), labels.get(i), RoadMatrixBuilder.DEFAULT_MAX_SNAP_METERS); // throws, naming it
                }
                if (snapped[i]) {
                    kept.add(i);
                }
            }
            RoadMatrix road = new RoadMatrixBuilder(graph, mode, kept.stream().map(points::get).toList(),
                    kept.stream().map(labels::get).toList()).getResult();
            long[][] seconds = new long[n][n];
            long[][] meters = new long[n][n];
            for (long[] row : seconds) {
                java.util.Arrays.fill(row, TravelMatrix.UNREACHABLE);
            }
            for (long[] row : meters) {
                java.util.Arrays.fill(row, TravelMatrix.UNREACHABLE);
            }
            for (int a = 0; a < kept.size(); a++) {
                for (int b = 0; b < kept.size(); b++) {
                    seconds[kept.get(a)][kept.get(b)] = road.seconds()[a][b];
                    meters[kept.get(a)][kept.get(b)] = road.meters()[a][b];
                }
            }
            for (int i = 0; i < n; i++) {
                seconds[i][i] = 0;
                meters[i][i] = 0;
            }
            return new ArrayTravelMatrix(seconds, meters);
        }
    }
}
