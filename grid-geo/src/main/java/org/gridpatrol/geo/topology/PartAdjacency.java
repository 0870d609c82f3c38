package org.gridpatrol.geo.topology;

import org.gridpatrol.geo.block.Block;
import org.gridpatrol.geo.shape.MetricFrame;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.operation.relateng.RelateNG;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link BlockGraph} with the parts of a freshly split block added: each part is related with JTS
 * to its parent's (and ancestors') neighbours, its siblings and the other new parts, never to the
 * whole jurisdiction. The result layers its changes over the given graph's maps ({@link LayeredMap},
 * copy on write for the few neighbour sets that change), so it costs what the parts cost even in a
 * county of 50,000 blocks; the given graph is left as it was.
 *
 * <p>Limits: a part is found adjacent only to blocks adjacent to one of its ancestors, to its
 * siblings or to the other parts; that is all a cut through a block can touch.
 */
public final class PartAdjacency {

    private final BlockGraph base;
    private final Map<Long, Block> blocks;
    private final Map<Long, List<Long>> children;
    private final List<Long> parts;
    private final MetricFrame frame;
    private BlockGraph result;

    /**
     * @param base     the graph before the split
     * @param blocks   every block by id, the new parts included
     * @param children split parts by parent as before the split (the new parts not yet included)
     * @param parts    the new parts
     * @param frame    the metric frame of {@code base}'s shared lengths
     */
    public PartAdjacency(BlockGraph base, Map<Long, Block> blocks, Map<Long, List<Long>> children, List<Long> parts,
                         MetricFrame frame) {
        this.base = base;
        this.blocks = blocks;
        this.children = children;
        this.parts = parts;
        this.frame = frame;
    }

    /** Shortcut for {@code new PartAdjacency(base, blocks, children, parts, frame).getResult()}. */
    public static BlockGraph of(BlockGraph base, Map<Long, Block> blocks, Map<Long, List<Long>> children, List<Long> parts,
                                MetricFrame frame) {
        return new PartAdjacency(base, blocks, children, parts, frame).getResult();
    }

    /** The graph with the parts (computed on the first call). */
    public BlockGraph getResult() {
        if (result == null) {
            result = compute();
        }
        return result;
    }

    private BlockGraph compute() {
        Map<Long, Set<Long>> adjacency = base.adjacency();
        // copy on write: only the sets of blocks next to the new parts change
        Map<Long, Set<Long>> links = LayeredMap.over(adjacency);
        Map<Long, Map<Long, Double>> lengths = LayeredMap.over(base.sharedLength());
        for (long part : parts) {
            Block info = blocks.get(part);
            // one prepared relate per part (RelateNG, JTS 1.20) against its candidates: several times faster than Geometry.relate
            RelateNG touching = RelateNG.prepare(info.geometry());
            Envelope extent = info.geometry().getEnvelopeInternal();
            Set<Long> candidates = new HashSet<>(adjacency.getOrDefault(info.parentId(), Set.of()));
            candidates.addAll(parts);
            for (Long ancestor = info.parentId(); ancestor != null; ancestor = blocks.get(ancestor).parentId()) {
                candidates.addAll(adjacency.getOrDefault(ancestor, Set.of()));
            }
            candidates.addAll(children.getOrDefault(info.parentId(), List.of()));
            for (long candidate : candidates) {
                Block other = blocks.get(candidate);
                if (candidate != part && other != null && other.geometry().getEnvelopeInternal().intersects(extent)
                        && touching.evaluate(other.geometry(), "F***1****")) {
                    links.put(candidate, new HashSet<>(links.getOrDefault(candidate, Set.of())));
                    links.put(part, new HashSet<>(links.getOrDefault(part, Set.of())));
                    BlockAdjacency.link(links, candidate, part);
                    lengths.put(candidate, new HashMap<>(lengths.getOrDefault(candidate, Map.of())));
                    lengths.put(part, new HashMap<>(lengths.getOrDefault(part, Map.of())));
                    BlockAdjacency.setShared(lengths, candidate, part, BlockAdjacency.sharedMetres(other.geometry(), info.geometry(), frame));
                }
            }
        }
        return new BlockGraph(links, lengths);
    }
}
