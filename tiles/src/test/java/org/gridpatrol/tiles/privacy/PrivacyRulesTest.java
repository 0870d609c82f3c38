package org.gridpatrol.tiles.privacy;

import org.gridpatrol.tiles.layer.LayerDefinition;
import org.gridpatrol.tiles.layer.TileLayers;
import org.gridpatrol.tiles.zoom.RegisterDetail;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each layer and role. Owner: leader of township 7; other: leader of township 9 looking at the same tile;
 * anonymous: no login; admin: every jurisdiction.
 */
class PrivacyRulesTest {

    private static final Viewer OWNER = new Viewer("leader", 7L);
    private static final Viewer OTHER = new Viewer("leader", 9L);
    private static final Viewer PLANNER = new Viewer("planner", 3L);
    private static final Viewer ADMIN = new Viewer("admin", null);
    private static final Viewer ANONYMOUS = Viewer.anonymous();

    private static LayerAccess access(String layer, Viewer viewer, int z) {
        LayerDefinition definition = TileLayers.find(layer).orElseThrow();
        return PrivacyRules.access(definition, viewer, z);
    }

    @Test
    void anonymousGetsOnlyTheBasemap() {
        assertThat(access("basemap", ANONYMOUS, 14).allowed()).isTrue();
        for (LayerDefinition layer : TileLayers.all()) {
            if (!layer.name().equals("basemap")) {
                assertThat(PrivacyRules.access(layer, ANONYMOUS, 14).allowed()).as(layer.name()).isFalse();
            }
        }
    }

    @Test
    void householdsAreCountedPerGridThenPerBlockForEveryone() {
        for (Viewer viewer : new Viewer[] {OWNER, OTHER, ADMIN}) {
            assertThat(access("households", viewer, 12).detail()).isEqualTo(RegisterDetail.GRID);
            assertThat(access("households", viewer, 14).detail()).isEqualTo(RegisterDetail.BLOCK);
            assertThat(access("rentals", viewer, 15).detail()).isEqualTo(RegisterDetail.BLOCK);
            // aggregates are the same bytes for every viewer
            assertThat(access("households", viewer, 15).rightsClass()).isEqualTo(LayerAccess.SHARED);
        }
    }

    @Test
    void readOnlyViewersAndShareCallersGetCountsPerBlockAtEveryZoom() {
        for (Viewer viewer : new Viewer[] {new Viewer("viewer", 7L), new Viewer("viewer", null)}) {
            LayerAccess high = access("households", viewer, 18);
            assertThat(high.individualPoints()).isFalse();
            assertThat(high.detail()).isEqualTo(RegisterDetail.BLOCK);
            assertThat(high.rightsClass()).isEqualTo(LayerAccess.SHARED);
            assertThat(access("blocks", viewer, 15).allowed()).isFalse();
        }
        assertThat(access("households", new Viewer("grid_worker", 7L), 16).individualPoints()).isTrue();
    }

    @Test
    void singleHouseholdsOnlyInsideTheViewersOwnJurisdiction() {
        LayerAccess owner = access("households", OWNER, 16);
        LayerAccess other = access("households", OTHER, 16);
        assertThat(owner.individualPoints()).isTrue();
        assertThat(owner.ownedRoot()).isEqualTo(7L);
        assertThat(other.ownedRoot()).isEqualTo(9L);
        // the two leaders never share a cached high-zoom tile
        assertThat(owner.rightsClass()).isNotEqualTo(other.rightsClass());
        assertThat(access("rentals", OWNER, 18).ownedRoot()).isEqualTo(7L);
        LayerAccess admin = access("households", ADMIN, 16);
        assertThat(admin.ownedRoot()).isNull();
        assertThat(admin.rightsClass()).isEqualTo(LayerAccess.ALL_JURISDICTIONS);
    }

    @Test
    void blocksAreForPlannersOnly() {
        assertThat(access("blocks", PLANNER, 14).allowed()).isTrue();
        assertThat(access("blocks", ADMIN, 14).allowed()).isTrue();
        LayerAccess leader = access("blocks", OWNER, 14);
        assertThat(leader.allowed()).isFalse();
        assertThat(leader.refusal()).contains("planners");
    }

    @Test
    void sharedLayersAreTheSameForEveryLoggedInViewer() {
        for (String layer : new String[] {"basemap", "jurisdictions", "grids", "keyplaces", "patrolroutes"}) {
            for (Viewer viewer : new Viewer[] {OWNER, OTHER, ADMIN}) {
                LayerAccess access = access(layer, viewer, 16);
                assertThat(access.allowed()).isTrue();
                assertThat(access.rightsClass()).isEqualTo(LayerAccess.SHARED);
            }
        }
    }

    @Test
    void tracksOnlyInsideTheOwnJurisdictionAndNoneForReadOnlyViewers() {
        assertThat(access("tracks", OWNER, 14).ownedRoot()).isEqualTo(7L);
        assertThat(access("tracks", OTHER, 14).rightsClass()).isNotEqualTo(access("tracks", OWNER, 14).rightsClass());
        assertThat(access("tracks", ADMIN, 14).ownedRoot()).isNull();
        assertThat(access("tracks", new Viewer("viewer", 7L), 14).ownedRoot()).isEqualTo(LayerAccess.NOBODY);
        assertThat(access("tracks", ANONYMOUS, 14).allowed()).isFalse();
    }
}
