package org.gridpatrol.geo.generate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Which parts of a {@link Partition} touch, and along how much border, at the moment it is built
 * (the partition changes afterwards; build a new one). Neighbours are kept in ascending part order so
 * searches over it are deterministic.
 */
final class PartGraph {

    private final List<TreeMap<Integer, Double>> border;

    PartGraph(Partition partition) {
        int parts = partition.parts();
        border = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            border.add(new TreeMap<>());
        }
        BlockSet set = partition.set();
        for (int b = 0; b < set.size(); b++) {
            int p = partition.label(b);
            int[] nbr = set.neighbours(b);
            double[] len = set.shared(b);
            for (int k = 0; k < nbr.length; k++) {
                int q = partition.label(nbr[k]);
                if (p >= 0 && q >= 0 && q != p) {
                    border.get(p).merge(q, len[k], Double::sum);
                }
            }
        }
    }

    /** The parts next to {@code part}, ascending, with the border length they share. */
    Map<Integer, Double> neighbours(int part) {
        return border.get(part);
    }

    /**
     * The shortest chain of touching parts from {@code start} to the nearest part (other than start)
     * accepted by {@code goal}, start first; empty when there is none within {@code maxLength} steps.
     */
    List<Integer> pathTo(int start, IntPredicate goal, int maxLength) {
        int[] parent = new int[border.size()];
        int[] depth = new int[border.size()];
        java.util.Arrays.fill(parent, -2);
        parent[start] = -1;
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            int p = queue.poll();
            if (p != start && goal.test(p)) {
                List<Integer> path = new ArrayList<>();
                for (int q = p; q != -1; q = parent[q]) {
                    path.add(0, q);
                }
                return path;
            }
            if (depth[p] == maxLength) {
                continue;
            }
            for (int q : border.get(p).keySet()) {
                if (parent[q] == -2) {
                    parent[q] = p;
                    depth[q] = depth[p] + 1;
                    queue.add(q);
                }
            }
        }
        return List.of();
    }
}
