package org.gridpatrol.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TsplibInstanceTest {

    private static TsplibInstance read(String text) throws IOException {
        return TsplibInstance.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /*
     *  4 (0,4) -------- 3 (3,4)
     *     |     5 (1.5,2)   |        sides 3 and 4, diagonals 5, centre 2.5 from each corner
     *  1 (0,0) -------- 2 (3,0)
     */
    @Test
    void readsTheCommittedSmallInstanceWithTsplibRounding() throws IOException {
        TsplibInstance instance;
        try (InputStream in = getClass().getResourceAsStream("/bench/square5.tsp")) {
            instance = TsplibInstance.read(in);
        }
        assertThat(instance.name()).isEqualTo("square5");
        assertThat(instance.optimum()).isEqualTo(-1);
        long[][] d = instance.distances();
        assertThat(d[0][1]).isEqualTo(3);
        assertThat(d[1][2]).isEqualTo(4);
        assertThat(d[0][2]).isEqualTo(5);
        assertThat(d[0][4]).as("nint(2.5) rounds half up").isEqualTo(3);
        assertThat(d[3][3]).isZero();
    }

    @Test
    void bundledInstancesCarryTheirPublishedOptima() {
        TsplibInstance eil51 = TsplibInstance.load("eil51");
        assertThat(eil51.size()).isEqualTo(51);
        assertThat(eil51.optimum()).isEqualTo(426);
        assertThat(eil51.distances()[0][1]).isEqualTo(Math.round(Math.hypot(37 - 49, 52 - 49)));
        assertThat(TsplibInstance.load("ch150").size()).isEqualTo(150);
        assertThat(TsplibInstance.load("kroA100").optimum()).isEqualTo(21282);
        assertThat(TsplibInstance.load("st70").optimum()).isEqualTo(675);
        assertThat(TsplibInstance.load("a280").size()).isEqualTo(280);
        assertThatThrownBy(() -> TsplibInstance.load("pr76")).hasMessageContaining("no TSPLIB instance pr76");
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> read("NAME: x\nEDGE_WEIGHT_TYPE: GEO\nNODE_COORD_SECTION\n1 0 0\n2 1 1\n3 2 2\n"))
                .hasMessageContaining("only EUC_2D");
        assertThatThrownBy(() -> read("NAME: x\nNODE_COORD_SECTION\n1 0 0\n3 1 1\n2 2 2\n"))
                .hasMessageContaining("node 3 out of order");
        assertThatThrownBy(() -> read("NAME: x\nDIMENSION: 4\nNODE_COORD_SECTION\n1 0 0\n2 1 1\n3 2 2\nEOF\n"))
                .hasMessageContaining("DIMENSION 4 but 3 nodes");
    }
}
