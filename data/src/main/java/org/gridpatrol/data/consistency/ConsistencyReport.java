package org.gridpatrol.data.consistency;

import org.gridpatrol.data.block.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link ConsistencyCheck#check()} found: one sentence per violated invariant (naming the rows,
 * at most a few ids each) and the topology of every jurisdiction that has grids, by jurisdiction id.
 * Overlapping grids and unassigned blocks are violations in themselves; gaps and non-contiguous
 * grids are reported as counts, for {@link #topologyWorseThan(ConsistencyReport)} to compare with a
 * report taken before (the blocks of a township may leave slivers no grid can cover).
 */
public record ConsistencyReport(List<String> violations, Map<Long, Topology> topology) {

    public ConsistencyReport {
        violations = List.copyOf(Objects.requireNonNull(violations, "violations"));
        topology = Map.copyOf(Objects.requireNonNull(topology, "topology"));
    }

    public boolean consistent() {
        return violations.isEmpty();
    }

    /** Jurisdictions with more gaps or non-contiguous grids than in {@code before}, or missing since, one sentence each. */
    public List<String> topologyWorseThan(ConsistencyReport before) {
        List<String> worse = new ArrayList<>();
        before.topology().forEach((id, was) -> {
            Topology now = topology.get(id);
            if (now == null) {
                worse.add("jurisdiction " + id + " had grids and has none now");
            } else if (now.gaps() > was.gaps() || now.nonContiguousGrids() > was.nonContiguousGrids()) {
                worse.add("jurisdiction " + id + ": " + now.gaps() + " gaps (were " + was.gaps() + "), "
                        + now.nonContiguousGrids() + " non-contiguous grids (were " + was.nonContiguousGrids() + ")");
            }
        });
        return worse;
    }
}
