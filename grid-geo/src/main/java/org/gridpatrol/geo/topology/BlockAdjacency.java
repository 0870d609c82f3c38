package org.gridpatrol.geo.topology;

import org.gridpatrol.geo.block.Block;
import org.gridpatrol.geo.shape.MetricFrame;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds which blocks of a jurisdiction share an edge (a segment, not just a corner) and the length
 * of that edge in metres: the {@link BlockGraph} that contiguity and compactness need.
 *
 * <p>Blocks from {@code ST_Polygonize} and {@code ST_Split} form a coverage whose neighbours share
 * segments exactly (same vertices), so most pairs are found by hashing every ring segment: the
 * second block to own a segment is adjacent to the first. Split parts and their parents overlap each
 * other and the parts' cut ends at a vertex their neighbours lack, so they are compared with JTS
 * instead ({@code relate} pattern {@code F***1****}: interiors disjoint, boundaries sharing a line).
 * A part is never adjacent to its own parent, which it lies inside.
 *
 * <p>Limits: two blocks whose common boundary is not made of identical segments (neither being a
 * part or a parent) are not found adjacent; the coverage produced by {@code BlockDeriver} never has
 * them. Cost: linear in the vertices, plus, for each part or parent, one envelope scan of all blocks.
 */
public final class BlockAdjacency {

    /** A ring segment with its ends in a canonical order, so both blocks hash it alike. */
    private record Segment(double x1, double y1, double x2, double y2) {
        static Segment of(Coordinate a, Coordinate b) {
            return a.compareTo(b) <= 0 ? new Segment(a.x, a.y, b.x, b.y) : new Segment(b.x, b.y, a.x, a.y);
        }
    }

    private final Map<Long, Block> blocks;
    private final MetricFrame frame;
    private BlockGraph result;

    /**
     * @param blocks the jurisdiction's active blocks by id, split parts and their parents included
     * @param frame  the metric frame shared lengths are measured in
     */
    public BlockAdjacency(Map<Long, Block> blocks, MetricFrame frame) {
        this.blocks = blocks;
        this.frame = frame;
    }

    /** Shortcut for {@code new BlockAdjacency(blocks, frame).getResult()}. */
    public static BlockGraph of(Map<Long, Block> blocks, MetricFrame frame) {
        return new BlockAdjacency(blocks, frame).getResult();
    }

    /** The adjacency and shared lengths (computed on the first call). */
    public BlockGraph getResult() {
        if (result == null) {
            result = compute();
        }
        return result;
    }

    private BlockGraph compute() {
        BlockGraph graph = BlockGraph.empty();
        Set<Long> parents = new HashSet<>();
        blocks.values().forEach(b -> {
            if (b.parentId() != null) {
                parents.add(b.parentId());
            }
        });
        Map<Segment, Long> firstOwner = new HashMap<>();
        for (Block block : blocks.values()) {
            if (block.parentId() != null || parents.contains(block.id())) {
                continue; // parts and their parents overlap: related below
            }
            Coordinate[] ring = block.geometry().getCoordinates();
            for (int i = 0; i + 1 < ring.length; i++) {
                Segment segment = Segment.of(ring[i], ring[i + 1]);
                Long other = firstOwner.putIfAbsent(segment, block.id());
                if (other != null && other != block.id()) {
                    link(graph.adjacency(), other, block.id());
                    addShared(graph.sharedLength(), other, block.id(),
                            frame.length(segment.x2() - segment.x1(), segment.y2() - segment.y1()));
                }
            }
        }
        // split parts and their parents: compare with every block whose extent meets theirs, with JTS
        List<Block> special = blocks.values().stream().filter(b -> b.parentId() != null || parents.contains(b.id())).toList();
        for (Block part : special) {
            Set<Long> candidates = new HashSet<>();
            for (Block other : blocks.values()) {
                if (other.id() != part.id() && other.geometry().getEnvelopeInternal().intersects(part.geometry().getEnvelopeInternal())) {
                    candidates.add(other.id());
                }
            }
            for (long candidate : candidates) {
                if (blocks.get(candidate).geometry().relate(part.geometry(), "F***1****")) {
                    link(graph.adjacency(), candidate, part.id());
                    setShared(graph.sharedLength(), candidate, part.id(), sharedMetres(blocks.get(candidate).geometry(), part.geometry(), frame));
                }
            }
        }
        return graph;
    }

    /** The length in metres of the common boundary of two blocks. */
    static double sharedMetres(Geometry a, Geometry b, MetricFrame frame) {
        return frame.toMetres(a.getBoundary().intersection(b.getBoundary())).getLength();
    }

    private static void addShared(Map<Long, Map<Long, Double>> shared, long a, long b, double metres) {
        shared.computeIfAbsent(a, k -> new HashMap<>()).merge(b, metres, Double::sum);
        shared.computeIfAbsent(b, k -> new HashMap<>()).merge(a, metres, Double::sum);
    }

    static void setShared(Map<Long, Map<Long, Double>> shared, long a, long b, double metres) {
        shared.computeIfAbsent(a, k -> new HashMap<>()).put(b, metres);
        shared.computeIfAbsent(b, k -> new HashMap<>()).put(a, metres);
    }

    static void link(Map<Long, Set<Long>> adjacency, long a, long b) {
        adjacency.computeIfAbsent(a, k -> new HashSet<>()).add(b);
        adjacency.computeIfAbsent(b, k -> new HashSet<>()).add(a);
    }
}
