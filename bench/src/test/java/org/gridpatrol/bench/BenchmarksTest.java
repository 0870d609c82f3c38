package org.gridpatrol.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarksTest {

    @Test
    void anUnknownOrMissingNameIsAUsageError() {
        assertThat(Benchmarks.run(List.of("no-such-benchmark", "--runs", "1"))).isEqualTo(2);
        assertThat(Benchmarks.run(List.of())).isEqualTo(2);
    }

    @Test
    void aBenchmarkThatThrowsFailsWithStatusOne() {
        assertThat(Benchmarks.run(List.of("tsp", "--no-such-option"))).isEqualTo(1);
        assertThat(Benchmarks.run(List.of("generate", "--no-such-option"))).isEqualTo(1);
    }

    @Test
    void theGcj02BenchmarkRunsWithoutItsPeer() {
        assertThat(Benchmarks.run(List.of("gcj02", "--points", "2000", "--runs", "1", "--gcoord", ""))).isZero();
        assertThat(Benchmarks.run(List.of("gcj02", "--gcoord", "/no/such/folder"))).isEqualTo(1);
    }

    @Test
    void theUsageNamesEveryBenchmark() {
        assertThat(Benchmarks.USAGE).contains(Benchmarks.NAMES);
    }
}
