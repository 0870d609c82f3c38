package org.gridpatrol.bench;

import org.gridpatrol.geo.block.Block;
import org.gridpatrol.geo.generate.WeightedBlockGraph;
import org.gridpatrol.geo.generate.WorkloadBand;
import org.gridpatrol.geo.shape.MetricFrame;
import org.gridpatrol.geo.topology.BlockAdjacency;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

import java.io.BufferedWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateBenchmarkPartsTest {

    /*
     * Three unit squares in a row (1 m = 1 unit in this frame), households 10, 250.4, 0:
     *
     *   +---+---+---+
     *   | 1 | 2 | 3 |
     *   +---+---+---+
     */
    private static WeightedBlockGraph row() throws Exception {
        WKTReader wkt = new WKTReader();
        Map<Long, Block> blocks = new LinkedHashMap<>();
        blocks.put(1L, Block.uncounted(1, null, wkt.read("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")));
        blocks.put(2L, Block.uncounted(2, null, wkt.read("POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))")));
        blocks.put(3L, Block.uncounted(3, null, wkt.read("POLYGON ((2 0, 3 0, 3 1, 2 1, 2 0))")));
        MetricFrame frame = new MetricFrame(1, 1);
        Map<Long, Double> households = Map.of(1L, 10.0, 2L, 250.4, 3L, 0.0);
        return WeightedBlockGraph.of(blocks.values(), BlockAdjacency.of(blocks, frame), frame,
                b -> households.get(b.id()), Map.of());
    }

    private static String written(PeerPartitioner peer) throws Exception {
        StringWriter text = new StringWriter();
        try (BufferedWriter out = new BufferedWriter(text)) {
            peer.write(PeerPartitioner.Indexed.of(row()), out);
        }
        return text.toString();
    }

    @Test
    void metisGetsOneBasedVerticesWithRoundedWeightsAndEachEdgeOnBothLines() throws Exception {
        assertThat(written(PeerPartitioner.METIS)).isEqualTo("""
                3 2 011
                10 2 1
                250 1 1 3 1
                0 2 1
                """);
    }

    @Test
    void scotchGetsZeroBasedVerticesWithLoadDegreeAndWeightedArcs() throws Exception {
        assertThat(written(PeerPartitioner.SCOTCH)).isEqualTo("""
                0
                3 4
                0 011
                10 1 1 1
                250 2 1 0 1 2
                0 1 1 1
                """);
    }

    @Test
    void qualityCountsBandContiguityAndEmptyParts() throws Exception {
        // grid 7 = blocks 1 and 3 (not contiguous, 10 households), grid 8 = block 2 (250, in the band); 3 parts asked
        PartitionQuality q = PartitionQuality.of(row(), Map.of(1L, 7L, 3L, 7L, 2L, 8L), 3, new WorkloadBand(200, 400));
        assertThat(q.grids()).isEqualTo(3);
        assertThat(q.emptyGrids()).isEqualTo(1);
        assertThat(q.inBand()).isEqualTo(1 / 3.0);
        assertThat(q.contiguous()).isEqualTo(1 / 3.0);
        assertThat(q.heaviestToLightest()).isInfinite();
        // a unit square scores π/4; two squares apart: 4π·2/8² = π/8; an empty part 0
        assertThat(q.meanPolsbyPopper()).isCloseTo((Math.PI / 4 + Math.PI / 8) / 3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void movedBlocksAreCountedByBestMatchingGridsWhateverTheirIds() {
        Map<Long, Long> before = Map.of(1L, 1L, 2L, 1L, 3L, 1L, 4L, 2L, 5L, 2L);
        // renamed grids, one block (3) gone over to the other grid
        Map<Long, Long> after = Map.of(1L, -1L, 2L, -1L, 3L, -2L, 4L, -2L, 5L, -2L);
        assertThat(RebalanceScenario.moved(before, after)).isEqualTo(1);
        // grid 1 split in two: the larger piece (new grid 9) is grid 1 now, so block 1 is the one that moved
        Map<Long, Long> split = Map.of(1L, 1L, 2L, 9L, 3L, 9L, 4L, 2L, 5L, 2L);
        assertThat(RebalanceScenario.moved(before, split)).isEqualTo(1);
        assertThat(RebalanceScenario.moved(before, before)).isZero();
        // everything in one grid: it is grid 1 (3 blocks shared), grid 2's two blocks moved
        assertThat(RebalanceScenario.moved(before, Map.of(1L, 5L, 2L, 5L, 3L, 5L, 4L, 5L, 5L, 5L))).isEqualTo(2);
    }
}
