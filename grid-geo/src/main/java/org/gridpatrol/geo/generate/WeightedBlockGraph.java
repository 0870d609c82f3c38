package org.gridpatrol.geo.generate;

import org.gridpatrol.geo.block.Block;
import org.gridpatrol.geo.shape.BlockShape;
import org.gridpatrol.geo.shape.MetricFrame;
import org.gridpatrol.geo.topology.BlockGraph;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * A jurisdiction's blocks as generation sees them: each block's workload (households, or a weighted
 * sum of households, rentals and key places), its region (the village it lies in; grids never cross
 * a region's border), its shape in metres (for compactness) and which blocks share an edge, with the
 * shared length.
 */
public final class WeightedBlockGraph {

    /** The region of blocks outside every village: the jurisdiction itself. */
    public static final long NO_REGION = 0;

    private final Set<Long> blockIds;
    private final Map<Long, Double> workload;
    private final Map<Long, Long> region;
    private final Map<Long, BlockShape> shapes;
    private final BlockGraph adjacency;

    private WeightedBlockGraph(Set<Long> blockIds, Map<Long, Double> workload, Map<Long, Long> region,
                               Map<Long, BlockShape> shapes, BlockGraph adjacency) {
        this.blockIds = blockIds;
        this.workload = workload;
        this.region = region;
        this.shapes = shapes;
        this.adjacency = adjacency;
    }

    /**
     * @param blocks        the blocks to divide
     * @param adjacency     which of them share an edge (e.g. from {@link org.gridpatrol.geo.topology.BlockAdjacency})
     * @param frame         the metric frame of the jurisdiction, for the blocks' shapes
     * @param workload      a block's workload, at least 0
     * @param regionOfBlock a block's village id; blocks missing from it are in {@link #NO_REGION}
     */
    public static WeightedBlockGraph of(Collection<Block> blocks, BlockGraph adjacency, MetricFrame frame,
                                        ToDoubleFunction<Block> workload, Map<Long, Long> regionOfBlock) {
        Set<Long> ids = new TreeSet<>();
        Map<Long, Double> weights = new HashMap<>();
        Map<Long, Long> regions = new HashMap<>();
        Map<Long, BlockShape> shapes = new HashMap<>();
        for (Block block : blocks) {
            double w = workload.applyAsDouble(block);
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("block " + block.id() + " has workload " + w + "; it must be 0 or more");
            }
            ids.add(block.id());
            weights.put(block.id(), w);
            regions.put(block.id(), regionOfBlock.getOrDefault(block.id(), NO_REGION));
            shapes.put(block.id(), BlockShape.of(block.geometry(), frame));
        }
        return new WeightedBlockGraph(ids, weights, regions, shapes, adjacency);
    }

    /** The blocks, in ascending id order. */
    public Set<Long> blockIds() {
        return blockIds;
    }

    public double workload(long block) {
        return workload.get(block);
    }

    public long region(long block) {
        return region.get(block);
    }

    public BlockShape shape(long block) {
        return shapes.get(block);
    }

    /** Adjacency among all blocks given; neighbours outside this graph are ignored by the operations. */
    public BlockGraph adjacency() {
        return adjacency;
    }

    public int size() {
        return blockIds.size();
    }
}
