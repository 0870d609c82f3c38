package org.gridpatrol.geo.generate;

/**
 * The other parts next to a block, and the border length the block shares with each: what every
 * boundary move of the local searches weighs. Scratch arrays reused block after block, so one instance
 * serves one search on one thread.
 */
final class NeighbourParts {

    private int[] parts = new int[16];
    private double[] shared = new double[16];
    private int count;

    /**
     * Collects the parts next to {@code block} other than its own (unassigned neighbours are skipped).
     *
     * @return their number; read them with {@link #part(int)} and {@link #shared(int)}
     */
    int collect(Partition partition, int block) {
        BlockSet set = partition.set();
        int[] nbr = set.neighbours(block);
        double[] len = set.shared(block);
        if (nbr.length > parts.length) {
            parts = new int[nbr.length];
            shared = new double[nbr.length];
        }
        int own = partition.label(block);
        count = 0;
        for (int k = 0; k < nbr.length; k++) {
            int q = partition.label(nbr[k]);
            if (q == own || q < 0) {
                continue;
            }
            int i = 0;
            while (i < count && parts[i] != q) {
                i++;
            }
            if (i == count) {
                parts[count] = q;
                shared[count++] = 0;
            }
            shared[i] += len[k];
        }
        return count;
    }

    /** The {@code i}-th part found by the last {@link #collect}. */
    int part(int i) {
        return parts[i];
    }

    /** The border length the block shares with {@link #part(int) part i}. */
    double shared(int i) {
        return shared[i];
    }
}
