package org.gridpatrol.web.tiles;

import org.gridpatrol.tiles.coord.TileCoord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which paths the fast path takes; everything else is the controller's to answer or refuse. */
class TilePathTest {

    @Test
    void currentAndVersionedTiles() {
        assertThat(TilePath.parse("/tiles/grids/14/8000/6000.mvt")).isEqualTo(new TilePath("grids", null, new TileCoord(14, 8000, 6000)));
        assertThat(TilePath.parse("/tiles/basemap/v12/0/0/0.mvt")).isEqualTo(new TilePath("basemap", 12L, new TileCoord(0, 0, 0)));
        assertThat(TilePath.parse("/tiles/households/v3/24/16777215/1.mvt"))
                .isEqualTo(new TilePath("households", 3L, new TileCoord(24, 16777215, 1)));
    }

    @Test
    void everythingElseGoesOnToTheController() {
        for (String path : new String[] {
                "/tiles/grids.json", "/tiles/grids/14/8000/6000.png", "/tiles/grids/14/8000.mvt", "/tiles/grids/14/8000/6000/1.mvt",
                "/tiles//14/8000/6000.mvt", "/tiles/Grids/14/8000/6000.mvt", "/tiles/grids/z/0/0.mvt", "/tiles/grids/3/9/0.mvt",
                "/tiles/grids/3/0/8.mvt", "/tiles/grids/25/0/0.mvt", "/tiles/grids/-1/0/0.mvt", "/tiles/grids/+1/0/0.mvt",
                "/tiles/grids/1/0/0.mvt;jsessionid=x", "/tiles/grids/1/%30/0.mvt", "/tiles/grids/1/0/.mvt",
                "/tiles/grids/v0/1/0/0.mvt", "/tiles/grids/v/1/0/0.mvt", "/tiles/grids/x1/1/0/0.mvt", "/tiles/grids/v1234567890/1/0/0.mvt",
                "/tiles/grids/14/0000000008000/6000.mvt", "/api/tiles/grids/1/0/0.mvt", "/tiles/grids/1/0/0.mvt/", null}) {
            assertThat(TilePath.parse(path)).as(path).isNull();
        }
    }
}
