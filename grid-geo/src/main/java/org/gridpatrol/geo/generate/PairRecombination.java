package org.gridpatrol.geo.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Repairs grids that single-block moves leave out of the band, which happens with coarse blocks (a
 * few blocks per grid): a grid out of the band and a neighbouring grid are merged and cut again in
 * two along an edge of a random spanning tree of the merged blocks (recombination, as in ReCom
 * redistricting), so that both halves are connected by construction; the cut kept is one that puts
 * both halves in the band, with the shortest border between them, over a number of random trees.
 * When the two grids together fit in the band, they simply become one grid. When no cut works, the
 * neighbour is first cut again with one of its own neighbours (a chain of two recombinations).
 *
 * <p>Only the grids concerned change; a pair is recombined only when that lowers the number of
 * grids out of the band. Deterministic for the same partition and random generator. Merged pairs
 * of more than {@link #MAX_BLOCKS} blocks are left alone (the single moves handle fine blocks).
 */
final class PairRecombination {

    private static final double EPS = 1e-9;
    private static final int MAX_BLOCKS = 3000;
    private static final int TREES = 40;
    /** A pair none of whose first this many trees has a cut in the band is given up (most pairs that can be cut show one early). */
    private static final int TREES_BEFORE_GIVING_UP = 8;
    private static final int MAX_CHAIN_BLOCKS = 5000;
    private static final int CHAIN_ATTEMPTS = 8;

    private final Partition partition;
    private final WorkloadBand band;
    private final SplittableRandom random;
    private final Runnable checkpoint;

    PairRecombination(Partition partition, WorkloadBand band, SplittableRandom random, Runnable checkpoint) {
        this.partition = partition;
        this.band = band;
        this.random = random;
        this.checkpoint = checkpoint;
    }

    /** The repaired partition: the one given (changed in place) or, when grids were merged, a renumbered copy. */
    Partition run() {
        int parts = partition.parts();
        boolean[] gone = new boolean[parts];
        // a part no pair or chain could fix is tried again only once a fix elsewhere has changed it or
        // a neighbour: retrying the stuck ones every round (every neighbour, every chain) was most of
        // the cost on small villages with a part out of reach. Times count fixes; 0 = never.
        int[] stuckAt = new int[parts];
        int[] changedAt = new int[parts];
        int clock = 0;
        int[] labels = labels();
        boolean changed = true;
        for (int round = 0; round < 4 && changed; round++) {
            changed = false;
            for (int p = 0; p < parts; p++) {
                if (gone[p] || band.contains(partition.weight(p))) {
                    continue;
                }
                int[] neighbours = neighbourParts(p);
                if (stuckAt[p] > 0 && !changedSince(p, neighbours, stuckAt[p], changedAt)) {
                    continue;
                }
                checkpoint.run();
                boolean fixed = false;
                for (int q : neighbours) {
                    if (gone[q]) {
                        continue;
                    }
                    double w = partition.weight(p) + partition.weight(q);
                    if (band.contains(w) && !band.contains(partition.weight(q))) {
                        merge(q, p, gone); // two grids out of the band become one in it
                        fixed = true;
                        break;
                    }
                    if (split(p, q, false) || chain(p, q, gone)) {
                        fixed = true;
                        break;
                    }
                    if (band.contains(w)) {
                        merge(q, p, gone); // one grid out of the band and one in it become one in it
                        fixed = true;
                        break;
                    }
                }
                clock++;
                if (fixed) {
                    changed = true;
                    stuckAt[p] = 0;
                    for (int b = 0; b < labels.length; b++) {
                        int now = partition.label(b);
                        if (now != labels[b]) {
                            if (labels[b] >= 0) {
                                changedAt[labels[b]] = clock;
                            }
                            if (now >= 0) {
                                changedAt[now] = clock;
                            }
                            labels[b] = now;
                        }
                    }
                } else {
                    stuckAt[p] = clock;
                }
            }
        }
        return renumbered(gone);
    }

    private boolean changedSince(int p, int[] neighbours, int time, int[] changedAt) {
        if (changedAt[p] > time) {
            return true;
        }
        for (int q : neighbours) {
            if (changedAt[q] > time) {
                return true;
            }
        }
        return false;
    }

    private int[] labels() {
        int[] labels = new int[partition.set().size()];
        for (int b = 0; b < labels.length; b++) {
            labels[b] = partition.label(b);
        }
        return labels;
    }

    private void merge(int into, int from, boolean[] gone) {
        BlockSet set = partition.set();
        for (int b = 0; b < set.size(); b++) {
            if (partition.label(b) == from) {
                partition.assign(b, into);
            }
        }
        gone[from] = true;
    }

    /**
     * When p ∪ q cannot be cut in two halves in the band, q's other border may be what is wrong: q
     * and a neighbour r (both in the band) are cut again at random a few times, each time followed
     * by another try at p ∪ q; when none works, q and r are put back as they were.
     */
    private boolean chain(int p, int q, boolean[] gone) {
        BlockSet set = partition.set();
        if (set.size() > MAX_CHAIN_BLOCKS) {
            return false;
        }
        for (int r : neighbourParts(q)) {
            if (r == p || gone[r] || !band.contains(partition.weight(r))) {
                continue;
            }
            int[] saved = new int[set.size()];
            for (int b = 0; b < set.size(); b++) {
                saved[b] = partition.label(b);
            }
            for (int attempt = 0; attempt < CHAIN_ATTEMPTS; attempt++) {
                if (!split(q, r, true)) {
                    break;
                }
                if (split(p, q, false)) {
                    return true;
                }
            }
            for (int b = 0; b < set.size(); b++) {
                if (partition.label(b) != saved[b]) {
                    partition.assign(b, saved[b]);
                }
            }
        }
        return false;
    }

    /**
     * Cuts p ∪ q in two halves in the band along a random spanning tree; whether it found one. The cut
     * kept is the one with the shortest border, or with {@code anyCut} a random one of the first tree
     * that has any. A pair without a cut in the band on its first {@link #TREES_BEFORE_GIVING_UP} trees
     * is given up: on villages where a part is out of reach, trying every pair and chain with all
     * {@link #TREES} trees was most of the time spent.
     */
    private boolean split(int p, int q, boolean anyCut) {
        double total = partition.weight(p) + partition.weight(q);
        if (total < 2 * band.min() - EPS || total > 2 * band.max() + EPS) {
            return false;
        }
        BlockSet set = partition.set();
        List<Integer> list = new ArrayList<>();
        for (int b = 0; b < set.size(); b++) {
            int label = partition.label(b);
            if (label == p || label == q) {
                list.add(b);
            }
        }
        int m = list.size();
        if (m < 2 || m > MAX_BLOCKS) {
            return false;
        }
        int[] blocks = list.stream().mapToInt(Integer::intValue).toArray();
        int[] local = new int[set.size()];
        Arrays.fill(local, -1);
        for (int i = 0; i < m; i++) {
            local[blocks[i]] = i;
        }
        int[] bestSide = null;
        int found = 0;
        double bestBorder = Double.POSITIVE_INFINITY;
        for (int t = 0; t < TREES; t++) {
            if (bestSide == null && t == TREES_BEFORE_GIVING_UP) {
                return false;
            }
            if (anyCut && bestSide != null) {
                break; // any cut will do: the first tree that has one is enough
            }
            int[] parent = randomTree(blocks, local);
            if (parent == null) {
                return false;
            }
            int[] order = bfsOrder(parent);
            double[] below = new double[m];
            for (int i = m - 1; i >= 0; i--) {
                int v = order[i];
                below[v] += set.weight(blocks[v]);
                if (parent[v] >= 0) {
                    below[parent[v]] += below[v];
                }
            }
            for (int v = 0; v < m; v++) {
                if (parent[v] < 0 || !band.contains(below[v]) || !band.contains(total - below[v])) {
                    continue;
                }
                int[] side = subtree(v, parent, order);
                double border = border(blocks, local, side);
                if (anyCut ? random.nextInt(++found) == 0 : border < bestBorder - EPS) {
                    bestBorder = border;
                    bestSide = side;
                }
            }
        }
        if (bestSide == null) {
            return false;
        }
        for (int i = 0; i < m; i++) {
            partition.assign(blocks[i], bestSide[i] == 1 ? p : q);
        }
        return true;
    }

    /** A spanning tree of the merged blocks (Prim with random edge weights): parent of each, -1 at the root; null when they are not connected. */
    private int[] randomTree(int[] blocks, int[] local) {
        BlockSet set = partition.set();
        int m = blocks.length;
        int[] parent = new int[m];
        Arrays.fill(parent, -2);
        java.util.PriorityQueue<double[]> heap = new java.util.PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        int root = random.nextInt(m);
        parent[root] = -1;
        for (int n : set.neighbours(blocks[root])) {
            if (local[n] >= 0) {
                heap.add(new double[]{random.nextDouble(), local[n], root});
            }
        }
        while (!heap.isEmpty()) {
            double[] e = heap.poll();
            int v = (int) e[1];
            if (parent[v] != -2) {
                continue;
            }
            parent[v] = (int) e[2];
            for (int n : set.neighbours(blocks[v])) {
                int u = local[n];
                if (u >= 0 && parent[u] == -2) {
                    heap.add(new double[]{random.nextDouble(), u, v});
                }
            }
        }
        for (int v = 0; v < m; v++) {
            if (parent[v] == -2) {
                return null; // the two grids do not touch (q was cut again away from p): no cut keeps both halves whole
            }
        }
        return parent;
    }

    /** The vertices in an order where every parent comes before its children. */
    private static int[] bfsOrder(int[] parent) {
        int m = parent.length;
        int[] childCount = new int[m + 1];
        for (int v = 0; v < m; v++) {
            if (parent[v] >= 0) {
                childCount[parent[v]]++;
            }
        }
        int[][] children = new int[m][];
        for (int v = 0; v < m; v++) {
            children[v] = new int[childCount[v]];
        }
        int[] fill = new int[m];
        for (int v = 0; v < m; v++) {
            if (parent[v] >= 0) {
                children[parent[v]][fill[parent[v]]++] = v;
            }
        }
        int[] order = new int[m];
        int tail = 0;
        for (int v = 0; v < m; v++) {
            if (parent[v] < 0) {
                order[tail++] = v;
            }
        }
        for (int head = 0; head < tail; head++) {
            for (int c : children[order[head]]) {
                order[tail++] = c;
            }
        }
        return order;
    }

    /** 1 for the vertices of the subtree under v, 0 elsewhere. */
    private static int[] subtree(int v, int[] parent, int[] order) {
        int[] side = new int[parent.length];
        side[v] = 1;
        for (int u : order) {
            if (parent[u] >= 0 && side[parent[u]] == 1) {
                side[u] = 1;
            }
        }
        return side;
    }

    private double border(int[] blocks, int[] local, int[] side) {
        BlockSet set = partition.set();
        double border = 0;
        for (int i = 0; i < blocks.length; i++) {
            if (side[i] != 1) {
                continue;
            }
            int[] nbr = set.neighbours(blocks[i]);
            double[] len = set.shared(blocks[i]);
            for (int k = 0; k < nbr.length; k++) {
                int u = local[nbr[k]];
                if (u >= 0 && side[u] == 0) {
                    border += len[k];
                }
            }
        }
        return border;
    }

    private int[] neighbourParts(int p) {
        BlockSet set = partition.set();
        boolean[] seen = new boolean[partition.parts()];
        List<Integer> parts = new ArrayList<>();
        for (int b = 0; b < set.size(); b++) {
            if (partition.label(b) != p) {
                continue;
            }
            for (int n : set.neighbours(b)) {
                int q = partition.label(n);
                if (q >= 0 && q != p && !seen[q]) {
                    seen[q] = true;
                    parts.add(q);
                }
            }
        }
        parts.sort(null);
        return parts.stream().mapToInt(Integer::intValue).toArray();
    }

    private Partition renumbered(boolean[] gone) {
        int kept = 0;
        int[] newLabel = new int[gone.length];
        for (int p = 0; p < gone.length; p++) {
            newLabel[p] = gone[p] ? -1 : kept++;
        }
        if (kept == gone.length) {
            return partition;
        }
        Partition copy = new Partition(partition.set(), kept);
        for (int b = 0; b < partition.set().size(); b++) {
            copy.assign(b, newLabel[partition.label(b)]);
        }
        return copy;
    }
}
