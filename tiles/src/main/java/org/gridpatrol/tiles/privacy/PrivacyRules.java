package org.gridpatrol.tiles.privacy;

import org.gridpatrol.tiles.layer.LayerDefinition;
import org.gridpatrol.tiles.layer.TileLayers;
import org.gridpatrol.tiles.zoom.RegisterDetail;
import org.gridpatrol.tiles.zoom.ZoomRules;

import java.util.Set;

/**
 * Which viewer sees which layer in how much detail.
 * <ul>
 *   <li>Without a login only the basemap (the HTTP layer asks for a login on every tile anyway).</li>
 *   <li>{@code blocks} is a planning layer: planners and administrators only.</li>
 *   <li>{@code households} and {@code rentals}: counts per grid, then per block, for every user; from
 *       {@link ZoomRules#POINT_DETAIL_FROM} single entries, but only inside the viewer's own
 *       jurisdiction tree, the rest stays counted per block. Names, phones and ID numbers are
 *       never in any tile ({@link #PERSONAL_FIELDS}), for any viewer.</li>
 *   <li>{@code tracks}: matched GPS tracks only inside the viewer's own jurisdiction tree, and none for
 *       read-only viewers.</li>
 *   <li>Everything else is the same for every logged-in user.</li>
 * </ul>
 */
public final class PrivacyRules {

    /** Register columns that never go into a tile. */
    public static final Set<String> PERSONAL_FIELDS = Set.of("head_name", "head_phone", "head_id_number",
            "landlord_name", "landlord_phone", "address", "phone", "id_number");

    private PrivacyRules() {
    }

    public static LayerAccess access(LayerDefinition layer, Viewer viewer, int z) {
        if (!viewer.authenticated()) {
            return layer.name().equals(TileLayers.BASEMAP) ? LayerAccess.shared(null)
                    : LayerAccess.refused("layer " + layer.name() + " needs a login");
        }
        switch (layer.name()) {
            case TileLayers.BLOCKS:
                return viewer.plans() ? LayerAccess.shared(null)
                        : LayerAccess.refused("layer blocks is for planners and administrators; this user is a " + viewer.role());
            case TileLayers.HOUSEHOLDS:
            case TileLayers.RENTALS:
                RegisterDetail detail = ZoomRules.registerDetail(z);
                if (detail != RegisterDetail.POINT) {
                    return LayerAccess.shared(detail);
                }
                if (!viewer.seesEntries()) {
                    return LayerAccess.shared(RegisterDetail.BLOCK);
                }
                return new LayerAccess(true, null, detail, viewer.jurisdictionId(),
                        viewer.ownsEverything() ? LayerAccess.ALL_JURISDICTIONS : "j" + viewer.jurisdictionId());
            case TileLayers.TRACKS:
                // workers' tracks are personal (ADR 0041): only the patrolling roles, only inside their jurisdiction
                if (!viewer.seesEntries()) {
                    return new LayerAccess(true, null, null, LayerAccess.NOBODY, "none");
                }
                return new LayerAccess(true, null, null, viewer.ownsEverything() ? null : viewer.jurisdictionId(),
                        viewer.ownsEverything() ? LayerAccess.ALL_JURISDICTIONS : "j" + viewer.jurisdictionId());
            default:
                return LayerAccess.shared(null);
        }
    }
}
