package org.gridpatrol.geo.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds where the blocks themselves keep a grid out of the band: a pocket is a set of blocks S that
 * reaches the rest of its piece only through one block c (S is a connected component of the piece
 * without c), lighter than the band's minimum, while S and c together are heavier than its maximum.
 * Whatever the division, some grid is then out of the band: a grid holding all of S and anything
 * beyond it holds c too (over the maximum); otherwise some grid lies inside S (under the minimum).
 * Seen in the demo: 3 blocks with 89 households behind a block of 331, band 200–400.
 *
 * <p>How: one depth-first search (Hopcroft–Tarjan articulation points, iterative), O(blocks + edges);
 * the components of the piece without c are c's separated subtrees and the rest. Blocks over the
 * maximum are left to {@link HeavyBlockSplit} and are never c here.
 */
final class PocketFinder {

    /** @param cut the block the pocket hangs on; blocks: the pocket, ascending; weight: theirs */
    record Pocket(int cut, int[] blocks, double weight) {
    }

    private static final double EPS = 1e-9;

    private final BlockSet set;
    private final WorkloadBand band;

    PocketFinder(BlockSet set, WorkloadBand band) {
        this.set = set;
        this.band = band;
    }

    List<Pocket> getResult() {
        int n = set.size();
        List<Pocket> pockets = new ArrayList<>();
        if (n < 2) {
            return pockets;
        }
        int[] tin = new int[n];
        int[] low = new int[n];
        int[] parent = new int[n];
        int[] order = new int[n]; // blocks by discovery time
        double[] subtree = new double[n];
        int[] last = new int[n]; // the last discovery time in each block's subtree
        Arrays.fill(tin, -1);
        int[] stack = new int[n];
        int[] edge = new int[n];
        int time = 0;
        double total = set.totalWeight();
        stack[0] = 0;
        parent[0] = -1;
        tin[0] = low[0] = time;
        order[time++] = 0;
        int depth = 1;
        while (depth > 0) {
            int v = stack[depth - 1];
            int[] nbr = set.neighbours(v);
            if (edge[v] < nbr.length) {
                int w = nbr[edge[v]++];
                if (tin[w] < 0) {
                    parent[w] = v;
                    tin[w] = low[w] = time;
                    order[time++] = w;
                    stack[depth++] = w;
                } else if (w != parent[v]) {
                    low[v] = Math.min(low[v], tin[w]);
                }
                continue;
            }
            depth--;
            subtree[v] += set.weight(v);
            last[v] = time - 1;
            int p = parent[v];
            if (p >= 0) {
                low[p] = Math.min(low[p], low[v]);
                subtree[p] += subtree[v];
            }
        }
        if (time < n) {
            return pockets; // not one piece: pockets are only defined within a connected piece
        }
        for (int c = 0; c < n; c++) {
            double wc = set.weight(c);
            if (wc > band.max() + EPS) {
                continue;
            }
            double separated = 0;
            for (int v : set.neighbours(c)) {
                if (parent[v] == c && low[v] >= tin[c]) {
                    separated += subtree[v];
                    if (isPocket(subtree[v], wc)) {
                        pockets.add(new Pocket(c, sorted(Arrays.copyOfRange(order, tin[v], last[v] + 1)), subtree[v]));
                    }
                }
            }
            double rest = total - wc - separated;
            if (parent[c] >= 0 && separated > 0 && isPocket(rest, wc)) {
                pockets.add(new Pocket(c, restOf(c, tin, last, parent, low), rest));
            }
        }
        return pockets;
    }

    private boolean isPocket(double weight, double cutWeight) {
        return weight > EPS && weight < band.min() - EPS && weight + cutWeight > band.max() + EPS;
    }

    /** The blocks outside c and its separated subtrees. */
    private int[] restOf(int c, int[] tin, int[] last, int[] parent, int[] low) {
        boolean[] out = new boolean[set.size()];
        out[c] = true;
        for (int v : set.neighbours(c)) {
            if (parent[v] == c && low[v] >= tin[c]) {
                for (int b = 0; b < set.size(); b++) {
                    if (tin[b] >= tin[v] && tin[b] <= last[v]) {
                        out[b] = true;
                    }
                }
            }
        }
        int[] rest = new int[set.size()];
        int count = 0;
        for (int b = 0; b < set.size(); b++) {
            if (!out[b]) {
                rest[count++] = b;
            }
        }
        return Arrays.copyOf(rest, count);
    }

    private static int[] sorted(int[] blocks) {
        Arrays.sort(blocks);
        return blocks;
    }
}
