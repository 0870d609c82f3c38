package org.gridpatrol.tiles.coord;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

class TileCoordTest {

    @Test
    void andorraLaVellaFallsInTheKnownZoom12Tile() {
        // checked with PostGIS: ST_Contains(ST_Transform(ST_TileEnvelope(12, 2065, 1512), 4326), the point) is true
        assertThat(TileCoord.containing(1.5218, 42.5063, 12)).isEqualTo(new TileCoord(12, 2065, 1512));
    }

    @Test
    void edgesOfTheWorldTile() {
        TileCoord world = new TileCoord(0, 0, 0);
        assertThat(world.west()).isEqualTo(-180.0);
        assertThat(world.north()).isCloseTo(85.0511, offset(1e-4));
    }

    @Test
    void refusesCoordinatesOutsideTheZoom() {
        assertThatThrownBy(() -> new TileCoord(2, 4, 0)).hasMessageContaining("outside 0..3");
        assertThatThrownBy(() -> new TileCoord(25, 0, 0)).hasMessageContaining("zoom 25");
        assertThatThrownBy(() -> new TileCoord(3, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
