package org.gridpatrol.bench;

import org.gridpatrol.geo.generate.WeightedBlockGraph;
import org.gridpatrol.geo.generate.WorkloadBand;
import org.gridpatrol.geo.shape.UnionCompactness;
import org.gridpatrol.geo.topology.Contiguity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The same yardsticks for every tool's division of one graph into grids (parts), measured with the
 * engine's own code: the share of grids whose workload lies in the band, heaviest over lightest
 * workload, the share of contiguous grids ({@link Contiguity}) and the mean Polsby–Popper score of the
 * grids ({@link UnionCompactness}). A part a tool was asked for but left empty counts as a grid with no
 * workload, not contiguous, scoring 0.
 *
 * @param grids              parts asked for or made, whichever is more
 * @param emptyGrids         parts asked for but left without blocks
 * @param heaviestToLightest infinite when a grid has no workload
 */
record PartitionQuality(int grids, int emptyGrids, double inBand, double heaviestToLightest, double contiguous,
                        double meanPolsbyPopper) {

    /**
     * @param gridOfBlock    every block of the graph → its grid (any ids)
     * @param requestedGrids the number of parts the tool was asked for (0 when it chose the number)
     */
    static PartitionQuality of(WeightedBlockGraph graph, Map<Long, Long> gridOfBlock, int requestedGrids, WorkloadBand band) {
        Map<Long, List<Long>> blocksOfGrid = new TreeMap<>();
        for (long block : graph.blockIds()) {
            Long grid = gridOfBlock.get(block);
            if (grid == null) {
                throw new IllegalStateException("block " + block + " is in no grid");
            }
            blocksOfGrid.computeIfAbsent(grid, k -> new ArrayList<>()).add(block);
        }
        int empty = Math.max(0, requestedGrids - blocksOfGrid.size());
        int grids = blocksOfGrid.size() + empty;
        int inBand = 0;
        int contiguous = 0;
        double heaviest = 0;
        double lightest = empty > 0 ? 0 : Double.MAX_VALUE;
        double polsbyPopper = 0;
        for (List<Long> blocks : blocksOfGrid.values()) {
            double workload = blocks.stream().mapToDouble(graph::workload).sum();
            inBand += band.contains(workload) ? 1 : 0;
            heaviest = Math.max(heaviest, workload);
            lightest = Math.min(lightest, workload);
            contiguous += Contiguity.isContiguous(blocks, graph.adjacency().adjacency()) ? 1 : 0;
            polsbyPopper += UnionCompactness.of(blocks, graph::shape, graph.adjacency().sharedLength()).polsbyPopper();
        }
        double ratio = lightest <= 0 ? Double.POSITIVE_INFINITY : heaviest / lightest;
        return new PartitionQuality(grids, empty, (double) inBand / grids, ratio, (double) contiguous / grids, polsbyPopper / grids);
    }
}
