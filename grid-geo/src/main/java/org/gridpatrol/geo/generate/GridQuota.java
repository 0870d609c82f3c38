package org.gridpatrol.geo.generate;

/**
 * Shares a number of grids among the pieces of a jurisdiction in proportion to their workload
 * (largest remainder), at least one grid per piece and at most one per block. The pieces' count may
 * exceed the number asked for when there are more pieces than grids: a grid never crosses a region.
 */
final class GridQuota {

    private final double[] workloads;
    private final int[] blocks;
    private final int grids;

    /** @param workloads each piece's workload; blocks: each piece's block count; grids: the number asked for */
    GridQuota(double[] workloads, int[] blocks, int grids) {
        this.workloads = workloads;
        this.blocks = blocks;
        this.grids = grids;
    }

    int[] getResult() {
        int n = workloads.length;
        double total = 0;
        long totalBlocks = 0;
        for (int i = 0; i < n; i++) {
            total += workloads[i];
            totalBlocks += blocks[i];
        }
        double[] quota = new double[n];
        int[] count = new int[n];
        int sum = 0;
        for (int i = 0; i < n; i++) {
            double share = total > 0 ? workloads[i] / total : (double) blocks[i] / Math.max(1, totalBlocks);
            quota[i] = grids * share;
            count[i] = Math.max(1, Math.min(blocks[i], (int) Math.floor(quota[i])));
            sum += count[i];
        }
        while (sum < grids) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (count[i] < blocks[i] && (best < 0 || quota[i] - count[i] > quota[best] - count[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            count[best]++;
            sum++;
        }
        while (sum > grids) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (count[i] > 1 && (best < 0 || quota[i] - count[i] < quota[best] - count[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            count[best]--;
            sum--;
        }
        return count;
    }
}
