package org.gridpatrol.tiles.layer;

import org.gridpatrol.tiles.privacy.PrivacyRules;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TileLayersTest {

    @Test
    void theIssuesLayersAreAllThere() {
        assertThat(TileLayers.all()).extracting(LayerDefinition::name).containsExactly(
                "basemap", "jurisdictions", "grids", "blocks", "households", "rentals", "keyplaces", "patrolroutes", "tracks");
        assertThat(TileLayers.find("basemap").orElseThrow().vectorLayers()).extracting(VectorLayer::id)
                .contains("roads", "buildings", "water", "railways", "landuse", "places");
        assertThat(TileLayers.find("nope")).isEmpty();
    }

    @Test
    void noLayerDeclaresAPersonalField() {
        for (LayerDefinition layer : TileLayers.all()) {
            for (VectorLayer v : layer.vectorLayers()) {
                assertThat(v.fields().keySet()).as(v.id()).doesNotContainAnyElementsOf(PrivacyRules.PERSONAL_FIELDS);
            }
        }
    }

    @Test
    void onlyRegisterLayersAndTracksDependOnTheViewer() {
        assertThat(TileLayers.all().stream().filter(LayerDefinition::viewerDependent).map(LayerDefinition::name))
                .containsExactly("households", "rentals", "tracks");
    }

    @Test
    void invalidDefinitionsAreRefused() {
        List<VectorLayer> one = List.of(new VectorLayer("a", "", 0, 1, VectorLayer.fieldsOf()));
        assertThatThrownBy(() -> new LayerDefinition("Bad Name", "", 0, 1, false, one)).hasMessageContaining("layer name");
        assertThatThrownBy(() -> new LayerDefinition("ok", "", 5, 4, false, one)).hasMessageContaining("zoom range");
        assertThatThrownBy(() -> new VectorLayer("a", "", 0, 1, VectorLayer.fieldsOf("x", "Date"))).hasMessageContaining("Date");
    }
}
