package org.gridpatrol.routing.solve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Plans one closed patrol loop per team (base → checkpoints → base).
 *
 * <ul>
 *   <li>Checkpoints no team can reach and leave are dropped as {@link DropReason#UNREACHABLE}; those
 *       that fit no team's shift even alone as {@link DropReason#EXCEEDS_SHIFT_ALONE}.</li>
 *   <li>Several teams: the rest is split so the longest loop is as short as possible, then the total
 *       ({@link TeamSplitter}).</li>
 *   <li>A loop over its shift keeps the most total priority the search finds (orienteering,
 *       {@link ShiftFitter}); the others are dropped as {@link DropReason#LOWER_PRIORITY_THAN_KEPT},
 *       after trying to give them to a team with time left.</li>
 *   <li>Each loop's order is then optimised for duration ({@link LoopSolver}: exact up to 12
 *       checkpoints, iterated local search beyond) with the rest of the time budget.</li>
 * </ul>
 *
 * <p>The time budget is an upper bound on the search (the result is returned once it is spent or the
 * search has stalled); building the working matrix is extra, O(n²). Deterministic for a given seed
 * when the budget is not the limiting factor. Arrival times and durations are recomputed from the
 * matrix; service time counts at each checkpoint, none at the base.
 *
 * <p><b>Time windows.</b> When any checkpoint has {@link Checkpoint#timeWindows()}, the plan is made by
 * {@link WindowedPlanner} instead: each team leaves its base at {@link Team#shiftStartSeconds()}, waits
 * when it arrives before a window opens ({@link Visit#waitSeconds()}), starts every service inside one of
 * the checkpoint's windows and is back within its shift (durations include waiting). Checkpoints that no
 * team can serve inside a window even alone are dropped as {@link DropReason#OUTSIDE_TIME_WINDOWS}.
 * Without windows the shift start only shifts the clock: {@link Visit#arrivalSeconds()} is always an
 * offset from the team's departure.
 */
public final class PatrolPlanner {

    private final PatrolProblem problem;
    private Duration timeBudget = Duration.ofSeconds(1);
    private long seed = 20_260_401L;

    public PatrolPlanner(PatrolProblem problem) {
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** Plans {@code problem} within {@code timeBudget} with the default seed. */
    public static PatrolPlan plan(PatrolProblem problem, Duration timeBudget) {
        return new PatrolPlanner(problem).timeBudget(timeBudget).getResult();
    }

    /** The search stops at this budget at the latest (default 1 s); must be positive. */
    public PatrolPlanner timeBudget(Duration budget) {
        Objects.requireNonNull(budget, "timeBudget");
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be positive, was " + budget);
        }
        this.timeBudget = budget;
        return this;
    }

    /** The random seed of the search's kicks (default fixed, so results repeat). */
    public PatrolPlanner seed(long seed) {
        this.seed = seed;
        return this;
    }

    public PatrolPlan getResult() {
        long start = System.nanoTime();
        long deadline = start + timeBudget.toNanos();
        NodeCosts nodes = new NodeCosts(problem);
        List<Team> teams = problem.teams();
        int k = teams.size();
        List<CheckpointLoop> loops = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            loops.add(new CheckpointLoop(nodes, t, teams.get(t).shiftSeconds()));
        }
        List<DroppedCheckpoint> dropped = new ArrayList<>();
        boolean[][] allowed = new boolean[k][nodes.size()];
        if (problem.checkpoints().stream().anyMatch(c -> !c.timeWindows().isEmpty())) {
            return planWithWindows(nodes, allowed, dropped, deadline);
        }
        List<Integer> candidates = classify(nodes, allowed, dropped);

        if (k == 1) {
            loops.get(0).order.addAll(candidates);
        } else {
            TeamSplitter.split(loops, nodes, allowed, candidates, start + timeBudget.toNanos() * 3 / 10);
        }
        List<Integer> overShift = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            long share = (deadline - System.nanoTime()) / 2 / (k - t);
            overShift.addAll(ShiftFitter.fit(loops.get(t), nodes, System.nanoTime() + share, seed + t));
        }
        if (k > 1) {
            overShift = placeWhereTimeIsLeft(loops, nodes, allowed, overShift);
        }
        for (int node : overShift) {
            dropped.add(new DroppedCheckpoint(checkpointOf(nodes, node), DropReason.LOWER_PRIORITY_THAN_KEPT));
        }
        for (int t = 0; t < k; t++) {
            long share = (deadline - System.nanoTime()) / (k - t);
            loops.get(t).optimise(System.nanoTime() + Math.max(0, share), seed + 31L * t);
        }
        List<TeamTour> tours = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            tours.add(tourOf(teams.get(t), loops.get(t), nodes, dropped));
        }
        dropped.sort(Comparator.comparingInt(d -> problem.checkpoints().indexOf(d.checkpoint())));
        return new PatrolPlan(tours, dropped);
    }

    /** The time-window search ({@link WindowedPlanner}); every loop it returns is feasible. */
    private PatrolPlan planWithWindows(NodeCosts nodes, boolean[][] allowed, List<DroppedCheckpoint> dropped,
            long deadline) {
        WindowedTimes times = new WindowedTimes(problem, nodes);
        List<Integer> candidates = classifyWindowed(nodes, times, allowed, dropped);
        List<List<Integer>> orders = new ArrayList<>();
        List<Integer> left = WindowedPlanner.plan(times, nodes, allowed, candidates, deadline, seed, orders);
        for (int node : left) {
            dropped.add(new DroppedCheckpoint(checkpointOf(nodes, node), DropReason.LOWER_PRIORITY_THAN_KEPT));
        }
        List<TeamTour> tours = new ArrayList<>();
        for (int t = 0; t < nodes.teamCount; t++) {
            tours.add(windowedTourOf(t, orders.get(t), nodes, times));
        }
        dropped.sort(Comparator.comparingInt(d -> problem.checkpoints().indexOf(d.checkpoint())));
        return new PatrolPlan(tours, dropped);
    }

    /** As {@link #classify}, and a checkpoint no team can serve alone inside a window is OUTSIDE_TIME_WINDOWS. */
    private List<Integer> classifyWindowed(NodeCosts nodes, WindowedTimes times, boolean[][] allowed,
            List<DroppedCheckpoint> dropped) {
        List<Integer> candidates = new ArrayList<>();
        for (int c = 0; c < problem.checkpoints().size(); c++) {
            int node = nodes.teamCount + c;
            boolean reachable = false;
            boolean fitsShift = false;
            boolean fits = false;
            for (int t = 0; t < nodes.teamCount; t++) {
                if (!nodes.reachable(t, node) || !nodes.reachable(node, t)) {
                    continue;
                }
                reachable = true;
                fitsShift |= nodes.cost[t][node] + nodes.cost[node][t] + nodes.service[node] <= times.shift(t);
                if (times.duration(t, List.of(node)) != WindowedTimes.INFEASIBLE) {
                    fits = true;
                    allowed[t][node] = true;
                }
            }
            Checkpoint checkpoint = problem.checkpoints().get(c);
            if (!reachable) {
                dropped.add(new DroppedCheckpoint(checkpoint, DropReason.UNREACHABLE));
            } else if (!fitsShift) {
                dropped.add(new DroppedCheckpoint(checkpoint, DropReason.EXCEEDS_SHIFT_ALONE));
            } else if (!fits) {
                dropped.add(new DroppedCheckpoint(checkpoint, DropReason.OUTSIDE_TIME_WINDOWS));
            } else {
                candidates.add(node);
            }
        }
        return candidates;
    }

    /** The tour with its waits, timed from the team's shift start (the order is feasible). */
    private TeamTour windowedTourOf(int t, List<Integer> order, NodeCosts nodes, WindowedTimes times) {
        Team team = problem.teams().get(t);
        TravelMatrix matrix = problem.matrix();
        List<Visit> visits = new ArrayList<>();
        long start = team.shiftStartSeconds();
        long time = start;
        long meters = 0;
        int previousLocation = team.baseLocation();
        for (int node : order) {
            Checkpoint checkpoint = checkpointOf(nodes, node);
            time += matrix.seconds(previousLocation, checkpoint.location());
            meters += matrix.meters(previousLocation, checkpoint.location());
            long serviceStart = times.serviceStart(node, time);
            visits.add(new Visit(checkpoint, time - start, serviceStart - time));
            time = serviceStart + checkpoint.serviceSeconds();
            previousLocation = checkpoint.location();
        }
        time += matrix.seconds(previousLocation, team.baseLocation());
        meters += matrix.meters(previousLocation, team.baseLocation());
        return new TeamTour(team, visits, time - start, meters);
    }

    private Checkpoint checkpointOf(NodeCosts nodes, int node) {
        return problem.checkpoints().get(node - nodes.teamCount);
    }

    /** Fills {@code allowed}, drops what no team can take; returns the checkpoint nodes left. */
    private List<Integer> classify(NodeCosts nodes, boolean[][] allowed, List<DroppedCheckpoint> dropped) {
        List<Integer> candidates = new ArrayList<>();
        for (int c = 0; c < problem.checkpoints().size(); c++) {
            int node = nodes.teamCount + c;
            boolean reachable = false;
            boolean fits = false;
            for (int t = 0; t < nodes.teamCount; t++) {
                if (nodes.reachable(t, node) && nodes.reachable(node, t)) {
                    reachable = true;
                    long alone = nodes.cost[t][node] + nodes.cost[node][t] + nodes.service[node];
                    if (alone <= problem.teams().get(t).shiftSeconds()) {
                        fits = true;
                        allowed[t][node] = true;
                    }
                }
            }
            if (!reachable) {
                dropped.add(new DroppedCheckpoint(problem.checkpoints().get(c), DropReason.UNREACHABLE));
            } else if (!fits) {
                dropped.add(new DroppedCheckpoint(problem.checkpoints().get(c), DropReason.EXCEEDS_SHIFT_ALONE));
            } else {
                candidates.add(node);
            }
        }
        return candidates;
    }

    /** Inserts dropped checkpoints, highest priority first, into any allowed loop they still fit. */
    private static List<Integer> placeWhereTimeIsLeft(List<CheckpointLoop> loops, NodeCosts nodes, boolean[][] allowed,
            List<Integer> overShift) {
        List<Integer> left = new ArrayList<>();
        List<Integer> order = new ArrayList<>(overShift);
        order.sort((a, b) -> Integer.compare(nodes.priority[b], nodes.priority[a]));
        for (int node : order) {
            int pick = -1;
            long[] pickInsertion = null;
            for (int t = 0; t < loops.size(); t++) {
                if (!allowed[t][node]) {
                    continue;
                }
                CheckpointLoop loop = loops.get(t);
                long[] insertion = loop.cheapestInsertion(node);
                if (loop.duration() + insertion[0] <= loop.shift && (pick < 0 || insertion[0] < pickInsertion[0])) {
                    pick = t;
                    pickInsertion = insertion;
                }
            }
            if (pick < 0) {
                left.add(node);
            } else {
                loops.get(pick).order.add((int) pickInsertion[1], node);
            }
        }
        return left;
    }

    /**
     * The tour as the matrix prices it. A checkpoint reached over a pair the matrix marks unreachable
     * (possible when checkpoints reach each other only through the base) is dropped as unreachable.
     */
    private TeamTour tourOf(Team team, CheckpointLoop loop, NodeCosts nodes, List<DroppedCheckpoint> dropped) {
        List<Integer> order = new ArrayList<>(loop.order);
        boolean changed = true;
        while (changed) {
            changed = false;
            int previous = loop.base;
            for (int i = 0; i <= order.size(); i++) {
                int node = i == order.size() ? loop.base : order.get(i);
                if (!nodes.reachable(previous, node)) {
                    int victim = i == order.size() ? i - 1 : i;
                    dropped.add(new DroppedCheckpoint(checkpointOf(nodes, order.remove(victim)), DropReason.UNREACHABLE));
                    changed = true;
                    break;
                }
                previous = node;
            }
        }
        TravelMatrix matrix = problem.matrix();
        List<Visit> visits = new ArrayList<>();
        long time = 0;
        long meters = 0;
        int previousLocation = team.baseLocation();
        for (int node : order) {
            Checkpoint checkpoint = checkpointOf(nodes, node);
            time += matrix.seconds(previousLocation, checkpoint.location());
            meters += matrix.meters(previousLocation, checkpoint.location());
            visits.add(new Visit(checkpoint, time));
            time += checkpoint.serviceSeconds();
            previousLocation = checkpoint.location();
        }
        time += matrix.seconds(previousLocation, team.baseLocation());
        meters += matrix.meters(previousLocation, team.baseLocation());
        return new TeamTour(team, visits, time, meters);
    }
}
