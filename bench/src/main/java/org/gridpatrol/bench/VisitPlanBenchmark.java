package org.gridpatrol.bench;

import org.gridpatrol.data.patrol.Checkpoints;
import org.gridpatrol.data.postgis.DatabaseTarget;
import org.gridpatrol.data.postgis.LocalPostgis;
import org.gridpatrol.data.postgis.SchemaMigrator;
import org.gridpatrol.data.sample.SampleDataLoader;
import org.gridpatrol.data.sample.SampleSize;
import org.gridpatrol.routing.graph.GeoPoint;
import org.gridpatrol.routing.graph.PointOffNetworkException;
import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.routing.graph.TravelMode;
import org.gridpatrol.routing.patrol.CheckpointKind;
import org.gridpatrol.routing.schedule.Assignment;
import org.gridpatrol.routing.schedule.ScheduleRequest;
import org.gridpatrol.routing.schedule.ScheduleTeam;
import org.gridpatrol.routing.schedule.VisitNeed;
import org.gridpatrol.routing.schedule.VisitRules;
import org.gridpatrol.routing.schedule.VisitSchedule;
import org.gridpatrol.routing.schedule.VisitScheduler;
import org.gridpatrol.routing.solve.TimeWindow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./gridpatrol bench visit-plan [--osm FILE] [--days 30] [--runs 3]}: what {@code POST /api/patrol/schedules}
 * plans for the demo registers of one parish (the township with the most households) over {@code days} days with
 * three teams from its centre: car 08:00–16:00 Mon–Fri, bike 08:00–16:00 Tue–Sat, foot 14:00–22:00 every day.
 * Rules: rentals by next inspection (10 min), key places twice a week 18:00–21:00 (5 min), elderly people living
 * alone weekly 09:00–17:00 (15 min). Each run loads the sample with another register seed. Ours (day assignment,
 * then one loop per day and team) against the greedy baseline in the same run (earliest due first, nearest
 * neighbour, same feasibility rules): unmet visits, km, shift overrun, planning time, peak heap.
 */
final class VisitPlanBenchmark {

    private VisitPlanBenchmark() {
    }

    record Result(int visits, int unmet, double km, double assignedKm, long overrun, double seconds, int baseUnmet,
                  double baseKm, double baseSeconds, long heapMb) {
    }

    static int run(List<String> arguments) throws Exception {
        Path osm = Path.of("data", "sample", "andorra.osm.pbf");
        int days = 30;
        int runs = 3;
        for (int i = 0; i < arguments.size(); i++) {
            switch (arguments.get(i)) {
                case "--osm" -> osm = Path.of(arguments.get(++i));
                case "--days" -> days = Integer.parseInt(arguments.get(++i));
                case "--runs" -> runs = Integer.parseInt(arguments.get(++i));
                default -> throw new IllegalArgumentException("unknown option " + arguments.get(i));
            }
        }
        System.out.println("load average (1, 5, 15 min) at the start: " + BenchStats.loadAverage());
        Path folder = Files.createTempDirectory("gridpatrol-bench-visits");
        List<Result> results = new ArrayList<>();
        try (LocalPostgis cluster = LocalPostgis.start(folder.resolve("pg"));
             RoutingGraph graph = RoutingGraph.loadOrBuild(osm, folder.resolve("graph"))) {
            for (int run = 0; run < runs; run++) {
                long seed = SampleSize.DEMO.seed() + run;
                DatabaseTarget db = cluster.createDatabase("bench_visits_" + run);
                SchemaMigrator.migrate(db.dataSource());
                SampleSize size = new SampleSize(SampleSize.DEMO.households(), SampleSize.DEMO.rentals(),
                        SampleSize.DEMO.householdsPerGrid(), seed);
                new SampleDataLoader(db, size).load(osm.toAbsolutePath());
                results.add(measure(graph, db, days, seed));
            }
        } finally {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        summary(results, days);
        System.out.println("load average (1, 5, 15 min) at the end: " + BenchStats.loadAverage());
        return 0;
    }

    private static Result measure(RoutingGraph graph, DatabaseTarget db, int days, long seed) throws Exception {
        long township;
        GeoPoint centre;
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT j.id, ST_X(ST_PointOnSurface(j.geom)), ST_Y(ST_PointOnSurface(j.geom)) FROM jurisdiction j
                     WHERE j.level = 'township' ORDER BY (SELECT count(*) FROM household h
                       WHERE h.jurisdiction_id IN (SELECT id FROM jurisdiction_scope(j.id))) DESC, j.id LIMIT 1""");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            township = rs.getLong(1);
            centre = new GeoPoint(rs.getDouble(2), rs.getDouble(3));
        }
        LocalDate first = LocalDate.now().plusDays(1);
        List<Checkpoints.DatedPlace> places = Checkpoints.inPostgis(db.dataSource()).forVisitPlan(township, List.of(),
                EnumSet.allOf(CheckpointKind.class), first.plusDays(days - 1L), 100_000);
        GeoPoint base = onRoad(graph, centre, places);
        Map<CheckpointKind, VisitRules.Rule> rules = Map.of(
                CheckpointKind.RENTAL_DUE, new VisitRules.Rule(600L, List.of(), 1),
                CheckpointKind.KEY_PLACE, new VisitRules.Rule(300L, List.of(new TimeWindow(18 * 3600, 21 * 3600)), 2),
                CheckpointKind.ELDERLY_ALONE, new VisitRules.Rule(900L, List.of(new TimeWindow(9 * 3600, 17 * 3600)), 7));
        List<VisitNeed> needs = new VisitRules(first, days, rules, Map.of()).needs(places.stream()
                .map(p -> new VisitRules.Place(p.id(), p.kind(), p.at(), p.nextInspection())).toList());
        List<ScheduleTeam> teams = List.of(
                team("car", base, TravelMode.CAR, first, days, 8, 16, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)),
                team("bike", base, TravelMode.BIKE, first, days, 8, 16, EnumSet.range(DayOfWeek.TUESDAY, DayOfWeek.SATURDAY)),
                team("foot", base, TravelMode.FOOT, first, days, 14, 22, EnumSet.allOf(DayOfWeek.class)));
        ScheduleRequest request = new ScheduleRequest(first, days, ZoneId.of("Europe/Andorra"), teams, needs);
        System.out.printf(Locale.ROOT, "seed %d: township %d, %d places, %d visits, base %.5f %.5f%n", seed, township,
                places.size(), needs.size(), base.lon(), base.lat());

        System.gc();
        BenchStats.resetPeakHeap();
        long start = System.nanoTime();
        VisitSchedule ours = new VisitScheduler(graph).plan(request);
        double seconds = (System.nanoTime() - start) / 1e9;
        long heap = BenchStats.peakHeapMb();
        long assignStart = System.nanoTime();
        Assignment assigned = new VisitScheduler(graph).assignOnly(request);
        System.out.printf(Locale.ROOT, "  assignment only (matrix and days): %.2f s%n", (System.nanoTime() - assignStart) / 1e9);
        for (long slack : new long[] {60, 300, 600}) {
            Assignment a = new VisitScheduler(graph).slackSecondsPerDay(slack).assignOnly(request);
            System.out.printf(Locale.ROOT, "  assignment only, slack %d s/day: %d planned, %d unmet, %.1f km%n", slack, a.planned(),
                    a.unmet().size(), a.meters() / 1000.0);
        }
        start = System.nanoTime();
        Assignment baseline = new VisitScheduler(graph).greedyBaseline(true).assignOnly(request);
        double baseSeconds = (System.nanoTime() - start) / 1e9;

        double km = ours.routes().stream().mapToDouble(r -> r.loop().path().distanceMeters()).sum() / 1000;
        long overrun = ours.routes().stream().mapToLong(VisitSchedule.DayRoute::overrunSeconds).sum();
        Map<String, Integer> reasons = new HashMap<>();
        ours.unmet().forEach(u -> reasons.merge(u.reason().name(), 1, Integer::sum));
        Map<String, Integer> baseReasons = new HashMap<>();
        baseline.unmet().forEach(u -> baseReasons.merge(u.reason().name(), 1, Integer::sum));
        Result result = new Result(needs.size(), ours.unmet().size(), km, assigned.meters() / 1000.0, overrun, seconds,
                baseline.unmet().size(), baseline.meters() / 1000.0, baseSeconds, heap);
        System.out.printf(Locale.ROOT, "  ours:     %d planned, %d unmet %s, %.1f km on roads (%.1f km by the matrix before "
                        + "the loop planner), overrun %d s, %.2f s, peak heap %d MB%n", ours.planned(), result.unmet(), reasons, km,
                result.assignedKm(), overrun, seconds, heap);
        System.out.printf(Locale.ROOT, "  baseline: %d planned, %d unmet %s, %.1f km by the matrix, overrun 0 s, %.2f s%n",
                baseline.planned(), result.baseUnmet(), baseReasons, result.baseKm(), baseSeconds);
        return result;
    }

    private static GeoPoint onRoad(RoutingGraph graph, GeoPoint centre, List<Checkpoints.DatedPlace> places) {
        for (GeoPoint p : java.util.stream.Stream.concat(java.util.stream.Stream.of(centre), places.stream()
                .map(Checkpoints.DatedPlace::at)).toList()) {
            try {
                for (TravelMode mode : TravelMode.values()) {
                    graph.snap(mode, p, "base", 100);
                }
                return p;
            } catch (PointOffNetworkException e) {
                // try the next place
            }
        }
        throw new IllegalStateException("no place of the township lies on every mode's roads");
    }

    private static ScheduleTeam team(String name, GeoPoint base, TravelMode mode, LocalDate first, int days, int from, int to,
                                     Set<DayOfWeek> weekdays) {
        Map<LocalDate, ScheduleTeam.DailyShift> shifts = new HashMap<>();
        for (int d = 0; d < days; d++) {
            if (weekdays.contains(first.plusDays(d).getDayOfWeek())) {
                shifts.put(first.plusDays(d), new ScheduleTeam.DailyShift(from * 3600L, to * 3600L));
            }
        }
        return new ScheduleTeam(name, base, mode, shifts);
    }

    private static void summary(List<Result> results, int days) {
        System.out.printf(Locale.ROOT, "%nvisit plan, %d days, 3 teams, %d runs: median [min … max]%n", days, results.size());
        row("visits", results.stream().mapToDouble(Result::visits).toArray(), "%.0f");
        row("unmet, ours", results.stream().mapToDouble(Result::unmet).toArray(), "%.0f");
        row("unmet, greedy baseline", results.stream().mapToDouble(Result::baseUnmet).toArray(), "%.0f");
        row("km, ours (road paths)", results.stream().mapToDouble(Result::km).toArray(), "%.1f");
        row("km, ours (matrix, before loop planning)", results.stream().mapToDouble(Result::assignedKm).toArray(), "%.1f");
        row("km, greedy baseline (matrix)", results.stream().mapToDouble(Result::baseKm).toArray(), "%.1f");
        row("shift overrun s, ours", results.stream().mapToDouble(Result::overrun).toArray(), "%.0f");
        row("planning s, ours (matrix, days, loops)", results.stream().mapToDouble(Result::seconds).toArray(), "%.2f");
        row("planning s, greedy baseline (matrix, days)", results.stream().mapToDouble(Result::baseSeconds).toArray(), "%.2f");
        row("peak heap MB, ours", results.stream().mapToDouble(Result::heapMb).toArray(), "%.0f");
    }

    private static void row(String label, double[] values, String format) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-44s " + format + " [" + format + " … " + format + "]%n", label,
                BenchStats.median(values), sorted[0], sorted[sorted.length - 1]);
    }
}
