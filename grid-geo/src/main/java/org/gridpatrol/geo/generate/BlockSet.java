package org.gridpatrol.geo.generate;

import java.util.Arrays;

/**
 * Some blocks of a {@link WeightedBlockGraph} renumbered 0..size-1 (in ascending graph order), with
 * only the edges that grids may use: both ends in the set and in the same region, so that nothing
 * built on this set can cross a village border or reach into a locked grid.
 */
final class BlockSet {

    private final WeightedBlockGraph graph;
    private final int[] global;
    private final int[][] neighbours;
    private final double[][] shared;
    private final double[] weights;

    private BlockSet(WeightedBlockGraph graph, int[] global, int[][] neighbours, double[][] shared, double[] weights) {
        this.graph = graph;
        this.global = global;
        this.neighbours = neighbours;
        this.shared = shared;
        this.weights = weights;
    }

    /**
     * @param graph   the whole graph
     * @param members graph indices of the blocks of the set, any order, no repeats
     * @param scratch an array of the graph's size filled with -1; left filled with -1 again
     */
    static BlockSet of(WeightedBlockGraph graph, int[] members, int[] scratch) {
        int[] global = members.clone();
        Arrays.sort(global);
        int n = global.length;
        for (int i = 0; i < n; i++) {
            scratch[global[i]] = i;
        }
        int[][] neighbours = new int[n][];
        double[][] shared = new double[n][];
        double[] weights = new double[n];
        int[] buffer = new int[16];
        double[] lengths = new double[16];
        for (int i = 0; i < n; i++) {
            int g = global[i];
            weights[i] = graph.weightAt(g);
            int[] all = graph.neighboursAt(g);
            double[] len = graph.sharedAt(g);
            if (all.length > buffer.length) {
                buffer = new int[all.length];
                lengths = new double[all.length];
            }
            int count = 0;
            for (int k = 0; k < all.length; k++) {
                int local = scratch[all[k]];
                if (local >= 0 && graph.regionAt(all[k]) == graph.regionAt(g)) {
                    buffer[count] = local;
                    lengths[count++] = len[k];
                }
            }
            neighbours[i] = Arrays.copyOf(buffer, count);
            shared[i] = Arrays.copyOf(lengths, count);
        }
        for (int g : global) {
            scratch[g] = -1;
        }
        return new BlockSet(graph, global, neighbours, shared, weights);
    }

    int size() {
        return global.length;
    }

    WeightedBlockGraph graph() {
        return graph;
    }

    /** The graph index of a block of the set. */
    int global(int local) {
        return global[local];
    }

    /** The local index of graph block {@code global}, -1 when it is not in the set. */
    int local(int global) {
        int i = Arrays.binarySearch(this.global, global);
        return i >= 0 ? i : -1;
    }

    long id(int local) {
        return graph.idAt(global[local]);
    }

    double weight(int local) {
        return weights[local];
    }

    int[] neighbours(int local) {
        return neighbours[local];
    }

    double[] shared(int local) {
        return shared[local];
    }

    /** The block's area (m²). */
    double area(int local) {
        return graph.areaAt(global[local]);
    }

    /** The block's whole perimeter (m), edges shared with other blocks included. */
    double perimeter(int local) {
        return graph.perimeterAt(global[local]);
    }

    double x(int local) {
        return graph.centreXAt(global[local]);
    }

    double y(int local) {
        return graph.centreYAt(global[local]);
    }

    double totalWeight() {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        return sum;
    }

    /** The subset of this set made of {@code locals}, with the same edge rule. */
    BlockSet subset(int[] locals, int[] scratch) {
        int[] members = new int[locals.length];
        for (int i = 0; i < locals.length; i++) {
            members[i] = global[locals[i]];
        }
        return of(graph, members, scratch);
    }
}
