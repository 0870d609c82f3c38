package org.gridpatrol.geo.topology;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which blocks share an edge, and how long that edge is in metres. Both maps hold both directions
 * (if b is in {@code adjacency.get(a)}, a is in {@code adjacency.get(b)}); a block without
 * neighbours may be missing from them. The maps are not copied: once built, nobody writes them, so
 * graphs made from this one by {@link PartAdjacency} can share them.
 */
public record BlockGraph(Map<Long, Set<Long>> adjacency, Map<Long, Map<Long, Double>> sharedLength) {

    public BlockGraph {
        if (adjacency == null || sharedLength == null) {
            throw new IllegalArgumentException("adjacency and shared lengths are required");
        }
    }

    /** A graph to fill: two empty, writable maps. */
    static BlockGraph empty() {
        return new BlockGraph(new HashMap<>(), new HashMap<>());
    }

    /** The blocks sharing an edge with {@code block} (none when it has no neighbour or is unknown). */
    public Set<Long> neighbours(long block) {
        return adjacency.getOrDefault(block, Set.of());
    }

    /** The length in metres of the edge {@code a} and {@code b} share; 0 when they are not adjacent. */
    public double sharedLength(long a, long b) {
        return sharedLength.getOrDefault(a, Map.of()).getOrDefault(b, 0.0);
    }
}
