package org.gridpatrol.routing.solve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits checkpoints across several teams' loops so that the longest loop is as short as possible,
 * then the total. Start: checkpoints farthest from their nearest base first, each into the loop whose
 * duration after the cheapest insertion is smallest. Then relocation moves (a checkpoint to another
 * loop, priced by removal saving and cheapest insertion) and exchanges between the longest loop and
 * another, each confirmed after re-optimising both loops, while they lower (longest, total). A heuristic: no optimality guarantee.
 */
final class TeamSplitter {

    private final List<CheckpointLoop> loops;
    private final NodeCosts nodes;
    private final boolean[][] allowed;

    private TeamSplitter(List<CheckpointLoop> loops, NodeCosts nodes, boolean[][] allowed) {
        this.loops = loops;
        this.nodes = nodes;
        this.allowed = allowed;
    }

    /**
     * Distributes {@code checkpoints} (nodes) over {@code loops}; {@code allowed[team][node]} says which
     * team may take which checkpoint (reachable and fitting alone).
     */
    static void split(List<CheckpointLoop> loops, NodeCosts nodes, boolean[][] allowed, List<Integer> checkpoints,
            long deadlineNanos) {
        TeamSplitter splitter = new TeamSplitter(loops, nodes, allowed);
        splitter.start(checkpoints);
        splitter.relocate(deadlineNanos);
    }

    private long nearestBase(int node) {
        long best = Long.MAX_VALUE;
        for (int t = 0; t < loops.size(); t++) {
            if (allowed[t][node]) {
                best = Math.min(best, nodes.cost[t][node] + nodes.cost[node][t]);
            }
        }
        return best;
    }

    private void start(List<Integer> checkpoints) {
        List<Integer> order = new ArrayList<>(checkpoints);
        order.sort(Comparator.comparingLong(this::nearestBase).reversed().thenComparing(Comparator.naturalOrder()));
        long[] duration = new long[loops.size()];
        for (int node : order) {
            int pick = -1;
            long[] pickInsertion = null;
            for (int t = 0; t < loops.size(); t++) {
                if (!allowed[t][node]) {
                    continue;
                }
                long[] insertion = loops.get(t).cheapestInsertion(node);
                if (pick < 0 || duration[t] + insertion[0] < duration[pick] + pickInsertion[0]
                        || (duration[t] + insertion[0] == duration[pick] + pickInsertion[0]
                        && insertion[0] < pickInsertion[0])) {
                    pick = t;
                    pickInsertion = insertion;
                }
            }
            loops.get(pick).order.add((int) pickInsertion[1], node);
            duration[pick] += pickInsertion[0];
        }
        for (CheckpointLoop loop : loops) {
            loop.improve();
        }
    }

    private long[] objective() {
        long longest = 0;
        long total = 0;
        for (CheckpointLoop loop : loops) {
            long d = loop.duration();
            longest = Math.max(longest, d);
            total += d;
        }
        return new long[] {longest, total};
    }

    private static boolean lower(long[] a, long[] b) {
        return a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]);
    }

    /** Checkpoint {@code index} of loop {@code from} goes to loop {@code to} (and {@code swapIndex} back, if >= 0). */
    private record Move(int from, int index, int to, int swapIndex, long[] estimate) {
    }

    private void relocate(long deadlineNanos) {
        boolean improved = true;
        while (improved && System.nanoTime() < deadlineNanos) {
            improved = false;
            long[] current = objective();
            List<Move> moves = candidateMoves(current);
            moves.addAll(swapMoves(current));
            moves.sort((a, b) -> lower(a.estimate, b.estimate) ? -1 : lower(b.estimate, a.estimate) ? 1 : 0);
            for (int m = 0; m < Math.min(8, moves.size()) && !improved; m++) {
                improved = tryMove(moves.get(m), current);
            }
        }
    }

    private boolean tryMove(Move move, long[] current) {
        CheckpointLoop from = loops.get(move.from);
        CheckpointLoop to = loops.get(move.to);
        CheckpointLoop savedFrom = from.copy();
        CheckpointLoop savedTo = to.copy();
        int node = from.order.remove(move.index);
        if (move.swapIndex >= 0) {
            int other = to.order.remove(move.swapIndex);
            from.order.add((int) from.cheapestInsertion(other)[1], other);
        }
        to.order.add((int) to.cheapestInsertion(node)[1], node);
        from.improve();
        to.improve();
        if (lower(objective(), current)) {
            return true;
        }
        from.restore(savedFrom);
        to.restore(savedTo);
        return false;
    }

    /** Exchanges of one checkpoint of the longest loop with one of another loop, estimated. */
    private List<Move> swapMoves(long[] current) {
        int k = loops.size();
        int f = 0;
        long[] duration = new long[k];
        for (int t = 0; t < k; t++) {
            duration[t] = loops.get(t).duration();
            if (duration[t] > duration[f]) {
                f = t;
            }
        }
        List<Move> moves = new ArrayList<>();
        CheckpointLoop from = loops.get(f);
        for (int i = 0; i < from.order.size(); i++) {
            int node = from.order.get(i);
            CheckpointLoop fromWithout = from.copy();
            fromWithout.order.remove(i);
            long fromBase = duration[f] - from.removalSaving(i);
            for (int t = 0; t < k; t++) {
                if (t == f || !allowed[t][node]) {
                    continue;
                }
                CheckpointLoop to = loops.get(t);
                for (int j = 0; j < to.order.size(); j++) {
                    int other = to.order.get(j);
                    if (!allowed[f][other]) {
                        continue;
                    }
                    long newFrom = fromBase + fromWithout.cheapestInsertion(other)[0];
                    CheckpointLoop toWithout = to.copy();
                    toWithout.order.remove(j);
                    long newTo = duration[t] - to.removalSaving(j) + toWithout.cheapestInsertion(node)[0];
                    long longest = Math.max(newFrom, newTo);
                    for (int o = 0; o < k; o++) {
                        if (o != f && o != t) {
                            longest = Math.max(longest, duration[o]);
                        }
                    }
                    long[] estimate = {longest, current[1] - duration[f] - duration[t] + newFrom + newTo};
                    if (lower(estimate, current)) {
                        moves.add(new Move(f, i, t, j, estimate));
                    }
                }
            }
        }
        return moves;
    }

    /** Relocations whose estimated (longest, total) is below the current one. */
    private List<Move> candidateMoves(long[] current) {
        int k = loops.size();
        long[] duration = new long[k];
        for (int t = 0; t < k; t++) {
            duration[t] = loops.get(t).duration();
        }
        List<Move> moves = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            CheckpointLoop from = loops.get(f);
            for (int i = 0; i < from.order.size(); i++) {
                int node = from.order.get(i);
                long saving = from.removalSaving(i);
                for (int t = 0; t < k; t++) {
                    if (t == f || !allowed[t][node]) {
                        continue;
                    }
                    long extra = loops.get(t).cheapestInsertion(node)[0];
                    long longest = 0;
                    long total = current[1] - saving + extra;
                    for (int o = 0; o < k; o++) {
                        long d = o == f ? duration[o] - saving : o == t ? duration[o] + extra : duration[o];
                        longest = Math.max(longest, d);
                    }
                    long[] estimate = {longest, total};
                    if (lower(estimate, current)) {
                        moves.add(new Move(f, i, t, -1, estimate));
                    }
                }
            }
        }
        return moves;
    }
}
