package org.gridpatrol.geo.topology;

import java.util.Map;
import java.util.Set;

/**
 * The active (not retired) blocks of a jurisdiction and which of them share an edge, not just a
 * corner: what plan validation needs for contiguity. A block and its split parts overlap, so they
 * are never adjacent to each other.
 */
public record BlockTopology(Set<Long> blocks, Map<Long, Set<Long>> adjacency) {

    public BlockTopology {
        if (blocks == null || adjacency == null) {
            throw new IllegalArgumentException("blocks and adjacency are required");
        }
    }
}
