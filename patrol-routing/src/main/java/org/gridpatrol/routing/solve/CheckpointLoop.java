package org.gridpatrol.routing.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One team's loop while planning: its base node and the checkpoint nodes in visiting order. Offers
 * the incremental prices the planner's moves need (insertion, removal) and re-optimises its order
 * with {@link TourImprover} or {@link LoopSolver}.
 */
final class CheckpointLoop {

    private final NodeCosts nodes;
    final int base;
    final long shift;
    final List<Integer> order = new ArrayList<>();

    CheckpointLoop(NodeCosts nodes, int base, long shift) {
        this.nodes = nodes;
        this.base = base;
        this.shift = shift;
    }

    CheckpointLoop copy() {
        CheckpointLoop copy = new CheckpointLoop(nodes, base, shift);
        copy.order.addAll(order);
        return copy;
    }

    void restore(CheckpointLoop saved) {
        order.clear();
        order.addAll(saved.order);
    }

    private int nodeAt(int position) {
        return position < 0 || position >= order.size() ? base : order.get(position);
    }

    long travel() {
        long sum = 0;
        int previous = base;
        for (int node : order) {
            sum += nodes.cost[previous][node];
            previous = node;
        }
        return sum + nodes.cost[previous][base];
    }

    long duration() {
        long sum = travel();
        for (int node : order) {
            sum += nodes.service[node];
        }
        return sum;
    }

    int priority() {
        int sum = 0;
        for (int node : order) {
            sum += nodes.priority[node];
        }
        return sum;
    }

    /** Extra duration (travel + service) of inserting {@code node} at its cheapest place; [extra, index]. */
    long[] cheapestInsertion(int node) {
        long best = Long.MAX_VALUE;
        int at = 0;
        for (int i = 0; i <= order.size(); i++) {
            int u = nodeAt(i - 1);
            int v = nodeAt(i);
            long extra = nodes.cost[u][node] + nodes.cost[node][v] - nodes.cost[u][v];
            if (extra < best) {
                best = extra;
                at = i;
            }
        }
        return new long[] {best + nodes.service[node], at};
    }

    /** Duration saved by removing the checkpoint at {@code index} (travel + its service). */
    long removalSaving(int index) {
        int u = nodeAt(index - 1);
        int x = order.get(index);
        int v = nodeAt(index + 1);
        return nodes.cost[u][x] + nodes.cost[x][v] - nodes.cost[u][v] + nodes.service[x];
    }

    /** Local optimum of the visiting order (2-opt, Or-opt). */
    void improve() {
        reorder(tour -> {
            int[] local = new int[tour.length];
            for (int i = 0; i < local.length; i++) {
                local[i] = i;
            }
            new TourImprover(nodes.sub(tour)).improve(local);
            return local;
        });
    }

    /** Best order found before the deadline (exact when small). */
    void optimise(long deadlineNanos, long seed) {
        reorder(tour -> LoopSolver.solve(nodes.sub(tour), deadlineNanos, seed));
    }

    private void reorder(Function<int[], int[]> search) {
        if (order.size() < 2) {
            return;
        }
        int[] tour = new int[order.size() + 1];
        tour[0] = base;
        for (int i = 0; i < order.size(); i++) {
            tour[i + 1] = order.get(i);
        }
        int[] local = search.apply(tour);
        long before = travel();
        List<Integer> previous = new ArrayList<>(order);
        order.clear();
        for (int i = 1; i < local.length; i++) {
            order.add(tour[local[i]]);
        }
        if (travel() > before) {
            order.clear();
            order.addAll(previous);
        }
    }
}
