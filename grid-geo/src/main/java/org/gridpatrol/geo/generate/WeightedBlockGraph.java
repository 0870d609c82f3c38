package org.gridpatrol.geo.generate;

import org.gridpatrol.geo.block.Block;
import org.gridpatrol.geo.shape.BlockShape;
import org.gridpatrol.geo.shape.MetricFrame;
import org.gridpatrol.geo.topology.BlockGraph;
import org.locationtech.jts.geom.Coordinate;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * A jurisdiction's blocks as generation sees them: each block's workload (households, or a weighted
 * sum of households, rentals and key places), its region (the village it lies in; grids never cross
 * a region's border), its shape in metres (for compactness) and which blocks share an edge, with the
 * shared length.
 *
 * <p>Inside, the blocks are numbered 0..size-1 in ascending id order and the operations work on
 * those indices (arrays rather than maps: a county of 50,000 blocks is searched thousands of times),
 * with each block's neighbours inside the graph sorted by index, so no result depends on the
 * iteration order of a hash map.
 */
public final class WeightedBlockGraph {

    /** The region of blocks outside every village: the jurisdiction itself. */
    public static final long NO_REGION = 0;

    private final long[] ids;
    private final double[] weights;
    private final long[] regions;
    private final BlockShape[] shapes;
    private final double[] centreX;
    private final double[] centreY;
    private final double[] areas;
    private final double[] perimeters;
    private final int[][] neighbours;
    private final double[][] shared;
    private final BlockGraph adjacency;
    private final Set<Long> blockIds;

    private WeightedBlockGraph(long[] ids, double[] weights, long[] regions, BlockShape[] shapes, BlockGraph adjacency) {
        this.ids = ids;
        this.weights = weights;
        this.regions = regions;
        this.shapes = shapes;
        this.adjacency = adjacency;
        TreeSet<Long> idSet = new TreeSet<>();
        for (long id : ids) {
            idSet.add(id);
        }
        this.blockIds = Collections.unmodifiableSet(idSet);
        int n = ids.length;
        centreX = new double[n];
        centreY = new double[n];
        neighbours = new int[n][];
        shared = new double[n][];
        areas = new double[n];
        perimeters = new double[n];
        for (int i = 0; i < n; i++) {
            areas[i] = shapes[i].area();
            perimeters[i] = shapes[i].perimeter();
            Coordinate[] hull = shapes[i].hull();
            int count = hull.length > 1 && hull[0].equals2D(hull[hull.length - 1]) ? hull.length - 1 : hull.length;
            for (int c = 0; c < count; c++) {
                centreX[i] += hull[c].x / count;
                centreY[i] += hull[c].y / count;
            }
            final int from = i;
            neighbours[i] = adjacency.neighbours(ids[i]).stream().mapToInt(this::indexOf)
                    .filter(j -> j >= 0 && j != from).sorted().distinct().toArray();
            shared[i] = new double[neighbours[i].length];
            for (int k = 0; k < neighbours[i].length; k++) {
                shared[i][k] = adjacency.sharedLength(ids[i], ids[neighbours[i][k]]);
            }
        }
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
        List<Block> sorted = blocks.stream().sorted(Comparator.comparingLong(Block::id)).toList();
        int n = sorted.size();
        long[] ids = new long[n];
        double[] weights = new double[n];
        long[] regions = new long[n];
        BlockShape[] shapes = new BlockShape[n];
        for (int i = 0; i < n; i++) {
            Block block = sorted.get(i);
            double w = workload.applyAsDouble(block);
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("block " + block.id() + " has workload " + w + "; it must be 0 or more");
            }
            if (i > 0 && ids[i - 1] == block.id()) {
                throw new IllegalArgumentException("block " + block.id() + " is given twice");
            }
            ids[i] = block.id();
            weights[i] = w;
            regions[i] = regionOfBlock.getOrDefault(block.id(), NO_REGION);
            shapes[i] = BlockShape.of(block.geometry(), frame);
        }
        return new WeightedBlockGraph(ids, weights, regions, shapes, adjacency);
    }

    /** The blocks, in ascending id order. */
    public Set<Long> blockIds() {
        return blockIds;
    }

    public double workload(long block) {
        return weights[checkedIndex(block)];
    }

    public long region(long block) {
        return regions[checkedIndex(block)];
    }

    public BlockShape shape(long block) {
        return shapes[checkedIndex(block)];
    }

    /** Adjacency among all blocks given; neighbours outside this graph are ignored by the operations. */
    public BlockGraph adjacency() {
        return adjacency;
    }

    public int size() {
        return ids.length;
    }

    /** The index of {@code block}, or -1 when it is not in this graph. */
    int indexOf(long block) {
        int i = Arrays.binarySearch(ids, block);
        return i >= 0 ? i : -1;
    }

    private int checkedIndex(long block) {
        int i = indexOf(block);
        if (i < 0) {
            throw new IllegalArgumentException("block " + block + " is not in the graph");
        }
        return i;
    }

    long idAt(int index) {
        return ids[index];
    }

    double weightAt(int index) {
        return weights[index];
    }

    long regionAt(int index) {
        return regions[index];
    }

    /** The neighbours of a block inside this graph (any region), ascending; do not modify. */
    int[] neighboursAt(int index) {
        return neighbours[index];
    }

    /** The shared lengths (m) matching {@link #neighboursAt}; do not modify. */
    double[] sharedAt(int index) {
        return shared[index];
    }

    /** The block's area (m²): a grid's area is the sum of its blocks'. */
    double areaAt(int index) {
        return areas[index];
    }

    /**
     * The block's whole perimeter (m), shared edges included: a grid's perimeter is the sum of its
     * blocks' less twice every edge two of them share ({@link #sharedAt}), as
     * {@link org.gridpatrol.geo.shape.UnionCompactness} measures it.
     */
    double perimeterAt(int index) {
        return perimeters[index];
    }

    /** The mean of the block's hull vertices in metres: good enough to spread seeds. */
    double centreXAt(int index) {
        return centreX[index];
    }

    double centreYAt(int index) {
        return centreY[index];
    }
}
