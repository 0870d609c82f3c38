package org.gridpatrol.geo.generate;

import java.util.Arrays;

/**
 * Answers whether a block can leave its part without cutting the part into more pieces: its
 * neighbours in the part must still reach one another without it. A breadth-first search from one of
 * them inside the part, stopping as soon as all are found, so the cost is that of the part at worst
 * and usually a handful of blocks. A part already in pieces is never cut further (the rebalancer
 * starts from grids as they are, contiguous or not).
 */
final class ContiguityGuard {

    private final BlockSet set;
    private final int[] label;
    private final int[] seen;
    private int stamp;
    private int[] queue;

    ContiguityGuard(BlockSet set, int[] label) {
        this.set = set;
        this.label = label;
        this.seen = new int[set.size()];
        this.queue = new int[64];
    }

    boolean staysConnectedWithout(int block) {
        int part = label[block];
        int[] nbr = set.neighbours(block);
        int targets = 0;
        int first = -1;
        for (int n : nbr) {
            if (label[n] == part) {
                targets++;
                if (first < 0) {
                    first = n;
                }
            }
        }
        if (targets <= 1) {
            return true;
        }
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(seen, 0);
            stamp = 1;
        }
        int mark = stamp;
        seen[block] = mark;
        seen[first] = mark;
        int found = 1;
        int head = 0;
        int tail = 0;
        queue[tail++] = first;
        while (head < tail) {
            int b = queue[head++];
            for (int n : set.neighbours(b)) {
                if (label[n] != part || seen[n] == mark) {
                    continue;
                }
                seen[n] = mark;
                if (isNeighbour(nbr, n)) {
                    if (++found == targets) {
                        return true;
                    }
                }
                if (tail == queue.length) {
                    queue = Arrays.copyOf(queue, queue.length * 2);
                }
                queue[tail++] = n;
            }
        }
        return false;
    }

    private static boolean isNeighbour(int[] neighbours, int block) {
        for (int n : neighbours) {
            if (n == block) {
                return true;
            }
        }
        return false;
    }
}
