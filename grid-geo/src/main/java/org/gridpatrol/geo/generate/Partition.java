package org.gridpatrol.geo.generate;

import java.util.Arrays;

/**
 * A mutable assignment of the blocks of a {@link BlockSet} to parts 0..parts-1 (-1: not yet
 * assigned), with each part's workload and block count kept up to date, and the questions the
 * searches ask: how much border a block shares with a part, whether a block may leave its part
 * without cutting it in two.
 */
final class Partition {

    private final BlockSet set;
    private final int[] label;
    private double[] weight;
    private int[] size;
    private int parts;
    private final ContiguityGuard guard;

    Partition(BlockSet set, int parts) {
        this.set = set;
        this.label = new int[set.size()];
        Arrays.fill(label, -1);
        this.weight = new double[Math.max(parts, 1)];
        this.size = new int[Math.max(parts, 1)];
        this.parts = parts;
        this.guard = new ContiguityGuard(set, label);
    }

    Partition copy() {
        Partition copy = new Partition(set, parts);
        System.arraycopy(label, 0, copy.label, 0, label.length);
        copy.weight = weight.clone();
        copy.size = size.clone();
        return copy;
    }

    BlockSet set() {
        return set;
    }

    int parts() {
        return parts;
    }

    int label(int block) {
        return label[block];
    }

    double weight(int part) {
        return weight[part];
    }

    int size(int part) {
        return size[part];
    }

    /** A new, empty part; its number. */
    int addPart() {
        if (parts == weight.length) {
            weight = Arrays.copyOf(weight, parts * 2);
            size = Arrays.copyOf(size, parts * 2);
        }
        return parts++;
    }

    /** Puts {@code block} into {@code part} (out of its current part, if any). */
    void assign(int block, int part) {
        int from = label[block];
        if (from >= 0) {
            weight[from] -= set.weight(block);
            size[from]--;
        }
        label[block] = part;
        if (part >= 0) {
            weight[part] += set.weight(block);
            size[part]++;
        }
    }

    /** The length of border {@code block} shares with the blocks of {@code part}. */
    double sharedWith(int block, int part) {
        int[] nbr = set.neighbours(block);
        double[] len = set.shared(block);
        double sum = 0;
        for (int k = 0; k < nbr.length; k++) {
            if (label[nbr[k]] == part) {
                sum += len[k];
            }
        }
        return sum;
    }

    /** Whether some neighbour of {@code block} is in another part. */
    boolean onBoundary(int block) {
        for (int n : set.neighbours(block)) {
            if (label[n] != label[block]) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code block} can leave its part without emptying it or cutting it into more pieces. */
    boolean canLeave(int block) {
        return size[label[block]] > 1 && guard.staysConnectedWithout(block);
    }

    /** The total length of border between different parts (the cut), each edge once. */
    double cut() {
        double cut = 0;
        for (int b = 0; b < label.length; b++) {
            int[] nbr = set.neighbours(b);
            double[] len = set.shared(b);
            for (int k = 0; k < nbr.length; k++) {
                if (nbr[k] > b && label[nbr[k]] != label[b]) {
                    cut += len[k];
                }
            }
        }
        return cut;
    }

    /** The blocks of each part, ascending. */
    int[][] members() {
        int[][] members = new int[parts][];
        int[] fill = new int[parts];
        for (int p = 0; p < parts; p++) {
            members[p] = new int[size[p]];
        }
        for (int b = 0; b < label.length; b++) {
            if (label[b] >= 0) {
                members[label[b]][fill[label[b]]++] = b;
            }
        }
        return members;
    }
}
