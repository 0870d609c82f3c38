package org.gridpatrol.data.consistency;

import org.gridpatrol.data.block.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsistencyReportTest {

    private static Topology topology(long id, int gaps, int nonContiguous) {
        return new Topology(id, 5, 50, gaps, 0, 0, nonContiguous);
    }

    @Test
    void theGapsTheBlocksLeaveAreNoFaultButMoreThanBeforeAre() {
        ConsistencyReport before = new ConsistencyReport(List.of(), Map.of(1L, topology(1, 2, 0), 2L, topology(2, 0, 0)));
        ConsistencyReport same = new ConsistencyReport(List.of(), Map.of(1L, topology(1, 2, 0), 2L, topology(2, 0, 0)));
        ConsistencyReport worse = new ConsistencyReport(List.of(), Map.of(1L, topology(1, 3, 0), 2L, topology(2, 0, 1)));
        ConsistencyReport gone = new ConsistencyReport(List.of(), Map.of(1L, topology(1, 2, 0)));

        assertThat(same.topologyWorseThan(before)).isEmpty();
        assertThat(worse.topologyWorseThan(before)).hasSize(2)
                .anyMatch(s -> s.startsWith("jurisdiction 1: 3 gaps (were 2)"))
                .anyMatch(s -> s.startsWith("jurisdiction 2:") && s.contains("1 non-contiguous grids (were 0)"));
        assertThat(gone.topologyWorseThan(before)).containsExactly("jurisdiction 2 had grids and has none now");
    }

    @Test
    void aReportWithViolationsIsNotConsistent() {
        assertThat(new ConsistencyReport(List.of(), Map.of()).consistent()).isTrue();
        assertThat(new ConsistencyReport(List.of("1 plans whose steps are not exactly 0 … last_step: [7]"), Map.of()).consistent()).isFalse();
    }
}
