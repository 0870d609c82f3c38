package org.gridpatrol.tiles.tilejson;

import org.gridpatrol.tiles.layer.TileLayers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TileJsonTest {

    @Test
    void theTileUrlCarriesTheVersion() {
        TileJson json = new TileJson(TileLayers.find("grids").orElseThrow(), 7, "http://localhost:8080",
                new double[] {1.4, 42.4, 1.8, 42.7}, "© OpenStreetMap contributors");
        Map<String, Object> map = json.toMap();
        assertThat(map.get("tilejson")).isEqualTo("3.0.0");
        assertThat(map.get("tiles")).isEqualTo(List.of("http://localhost:8080/tiles/grids/v7/{z}/{x}/{y}.mvt"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> layers = (List<Map<String, Object>>) map.get("vector_layers");
        assertThat(layers).hasSize(1);
        assertThat(layers.get(0).get("id")).isEqualTo("grids");
        @SuppressWarnings("unchecked") Map<String, String> fields = (Map<String, String>) layers.get(0).get("fields");
        assertThat(fields).containsEntry("balance", "String").containsEntry("households", "Number");
    }

    @Test
    void refusesBadInput() {
        assertThatThrownBy(() -> new TileJson(TileLayers.find("grids").orElseThrow(), 0, "http://x", new double[] {0, 0, 1, 1}, ""))
                .hasMessageContaining("version");
        assertThatThrownBy(() -> new TileJson(TileLayers.find("grids").orElseThrow(), 1, "http://x/", new double[] {0, 0, 1, 1}, ""))
                .hasMessageContaining("trailing slash");
        assertThatThrownBy(() -> new TileJson(TileLayers.find("grids").orElseThrow(), 1, "http://x", new double[] {2, 0, 1, 1}, ""))
                .hasMessageContaining("bounds");
    }
}
