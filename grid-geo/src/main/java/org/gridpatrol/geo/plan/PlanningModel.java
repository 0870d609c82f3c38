package org.gridpatrol.geo.plan;

import org.gridpatrol.geo.block.Block;
import org.gridpatrol.geo.shape.BlockShape;
import org.gridpatrol.geo.shape.Compactness;
import org.gridpatrol.geo.shape.MetricFrame;
import org.gridpatrol.geo.shape.UnionCompactness;
import org.gridpatrol.geo.topology.BlockAdjacency;
import org.gridpatrol.geo.topology.BlockGraph;
import org.gridpatrol.geo.topology.LayeredMap;
import org.gridpatrol.geo.topology.PartAdjacency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What planning a jurisdiction needs in memory: every active block with its geometry, parent (for
 * split parts) and register counts, which blocks share an edge ({@link BlockAdjacency}), and the
 * published assignment. Operations, validation and the diff then cost microseconds per block instead
 * of a database round trip per question. The data module loads it and keeps it while the database
 * stands still; this class never reads anything itself.
 *
 * <p>A model is not changed once made, except for its memo tables (thread-safe): a split makes a new
 * model ({@link #withParts}) that shares this one's maps.
 */
public final class PlanningModel {

    private final Map<Long, Block> blocks;
    /** Split parts by parent block. */
    private final Map<Long, List<Long>> children;
    private final BlockGraph graph;
    private final Map<Long, Long> publishedGridOfBlock;
    private final Map<Long, GridDraft> publishedGrids;
    /** The metric frame of compactness and shared lengths: the jurisdiction's latitude. */
    private final MetricFrame frame;
    private final Map<Set<Long>, Compactness> compactness;
    /** Area, perimeter and convex hull of each block in the metric frame, computed once per block. */
    private final Map<Long, BlockShape> shapes;
    /** Published block sets and register counts per grid, computed once per model. */
    private volatile Map<Long, Set<Long>> publishedBlocksOfGrid;
    private volatile Map<Long, int[]> publishedCounts;
    private final Map<Long, Compactness> publishedCompactness = new ConcurrentHashMap<>();

    private PlanningModel(Map<Long, Block> blocks, Map<Long, List<Long>> children, BlockGraph graph,
                          Map<Long, Long> publishedGridOfBlock, Map<Long, GridDraft> publishedGrids, MetricFrame frame,
                          Map<Set<Long>, Compactness> compactness, Map<Long, BlockShape> shapes) {
        this.blocks = blocks;
        this.children = children;
        this.graph = graph;
        this.publishedGridOfBlock = publishedGridOfBlock;
        this.publishedGrids = publishedGrids;
        this.frame = frame;
        this.compactness = compactness;
        this.shapes = shapes;
    }

    /**
     * The model of a jurisdiction. The maps are taken as they are, not copied: nobody may change them
     * afterwards. The metric frame is taken at the latitude of one block's centre.
     *
     * @param blocks               the active blocks by id, counted
     * @param publishedGridOfBlock the published grid of each assigned block
     * @param publishedGrids       the published grids by id
     */
    public static PlanningModel of(Map<Long, Block> blocks, Map<Long, Long> publishedGridOfBlock,
                                   Map<Long, GridDraft> publishedGrids) {
        double latitude = 0;
        for (Block b : blocks.values()) {
            latitude = b.geometry().getEnvelopeInternal().centre().y;
            break;
        }
        MetricFrame frame = MetricFrame.atLatitude(latitude);
        BlockGraph graph = BlockAdjacency.of(blocks, frame);
        Map<Long, List<Long>> children = new HashMap<>();
        blocks.values().forEach(b -> {
            if (b.parentId() != null) {
                children.computeIfAbsent(b.parentId(), k -> new ArrayList<>()).add(b.id());
            }
        });
        return new PlanningModel(blocks, children, graph, publishedGridOfBlock, publishedGrids, frame,
                new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    /**
     * This model plus the parts a split just added. The new model layers the parts over this one's
     * maps ({@link LayeredMap}, {@link PartAdjacency}), so its cost grows with the parts, not with the
     * jurisdiction; this model stays as it was.
     *
     * @param parts the new blocks, each with its parent and counts
     */
    public PlanningModel withParts(List<Block> parts) {
        Map<Long, Block> more = LayeredMap.over(blocks);
        List<Long> partIds = new ArrayList<>();
        for (Block part : parts) {
            more.put(part.id(), part);
            partIds.add(part.id());
        }
        Map<Long, List<Long>> family = LayeredMap.over(children);
        for (long part : partIds) {
            Long parent = more.get(part).parentId();
            List<Long> siblings = new ArrayList<>(family.getOrDefault(parent, List.of()));
            siblings.add(part);
            family.put(parent, siblings);
        }
        BlockGraph updatedGraph = PartAdjacency.of(graph, more, children, partIds, frame);
        PlanningModel updated = new PlanningModel(more, family, updatedGraph, publishedGridOfBlock, publishedGrids, frame,
                compactness, shapes);
        // published grids and their blocks are the same: so are their counts and shapes
        updated.publishedCounts = publishedCounts;
        updated.publishedBlocksOfGrid = publishedBlocksOfGrid;
        updated.publishedCompactness.putAll(publishedCompactness);
        return updated;
    }

    /** The active blocks by id. */
    public Map<Long, Block> blocks() {
        return blocks;
    }

    /** For each block, the blocks sharing an edge with it. */
    public Map<Long, Set<Long>> adjacency() {
        return graph.adjacency();
    }

    /** Adjacency and shared edge lengths (m). */
    public BlockGraph graph() {
        return graph;
    }

    /** The published grid of each block assigned in the published plan. */
    public Map<Long, Long> publishedGridOfBlock() {
        return publishedGridOfBlock;
    }

    /** The published grids by id. */
    public Map<Long, GridDraft> publishedGrids() {
        return publishedGrids;
    }

    /** Register counts per published grid (households, rentals, residents, floating, elderly alone). */
    public Map<Long, int[]> publishedCounts() {
        if (publishedCounts == null) {
            Map<Long, int[]> counts = new HashMap<>();
            Map<Long, Set<Long>> blocksOfGrid = new HashMap<>();
            publishedGridOfBlock.forEach((block, grid) -> {
                Block info = blocks.get(block);
                if (info != null) {
                    int[] total = counts.computeIfAbsent(grid, k -> new int[Block.COUNTS]);
                    for (int i = 0; i < Block.COUNTS; i++) {
                        total[i] += info.counts()[i];
                    }
                    blocksOfGrid.computeIfAbsent(grid, k -> new HashSet<>()).add(block);
                }
            });
            publishedBlocksOfGrid = blocksOfGrid;
            publishedCounts = counts;
        }
        return publishedCounts;
    }

    /** Compactness of a published grid as published (memoised by grid id). */
    public Compactness publishedCompactness(long gridId) {
        publishedCounts();
        return publishedCompactness.computeIfAbsent(gridId, id -> compactness(publishedBlocksOfGrid.getOrDefault(id, Set.of())));
    }

    /** The published grid of a block, or of its nearest ancestor for a split part; null when none. */
    public Long publishedGrid(long blockId) {
        Long block = blockId;
        while (block != null) {
            Long grid = publishedGridOfBlock.get(block);
            if (grid != null) {
                return grid;
            }
            Block info = blocks.get(block);
            block = info == null ? null : info.parentId();
        }
        return null;
    }

    /** The blocks a plan must cover: active blocks, unless an ancestor or a descendant is in the plan. */
    public Set<Long> expectedBlocks(Set<Long> planned) {
        Set<Long> expected = new HashSet<>(planned);
        for (Block block : blocks.values()) {
            if (!planned.contains(block.id()) && !ancestorPlanned(block, planned) && !descendantPlanned(block.id(), planned)) {
                expected.add(block.id());
            }
        }
        return expected;
    }

    private boolean ancestorPlanned(Block block, Set<Long> planned) {
        for (Long parent = block.parentId(); parent != null; ) {
            if (planned.contains(parent)) {
                return true;
            }
            Block info = blocks.get(parent);
            parent = info == null ? null : info.parentId();
        }
        return false;
    }

    private boolean descendantPlanned(long blockId, Set<Long> planned) {
        for (long child : children.getOrDefault(blockId, List.of())) {
            if (planned.contains(child) || descendantPlanned(child, planned)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Polsby–Popper and Reock of the union of some blocks in the jurisdiction's metric frame
     * ({@link UnionCompactness}), rounded to three decimals. Memoised by block set, so unchanged grids
     * cost nothing after the first diff.
     */
    public Compactness compactness(Collection<Long> blockIds) {
        // (the shapes per block are shared by every model made from this one by withParts: a block's geometry never changes)
        if (blockIds.isEmpty()) {
            return Compactness.NONE;
        }
        return compactness.computeIfAbsent(Set.copyOf(blockIds),
                ids -> UnionCompactness.of(ids, this::shape, graph.sharedLength()).rounded());
    }

    private BlockShape shape(long blockId) {
        return shapes.computeIfAbsent(blockId, id -> BlockShape.of(blocks.get(id).geometry(), frame));
    }
}
