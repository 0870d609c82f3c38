package org.gridpatrol.tiles.privacy;

import org.gridpatrol.tiles.zoom.RegisterDetail;

import java.util.Objects;

/**
 * What one viewer gets of one layer at one zoom. When {@code allowed} is false, {@code refusal}
 * says why (the 403 text). {@code detail} is the register detail (null for other layers); at
 * {@link RegisterDetail#POINT} single entries are drawn inside {@code ownedRoot}'s jurisdiction
 * tree (null: every jurisdiction) and the rest as block counts. {@code rightsClass} groups viewers
 * who get byte-identical tiles: the cache key part.
 */
public record LayerAccess(boolean allowed, String refusal, RegisterDetail detail, Long ownedRoot, String rightsClass) {

    /** Tiles that are the same for every viewer allowed to see them. */
    public static final String SHARED = "shared";
    /** Tiles with single entries of every jurisdiction. */
    public static final String ALL_JURISDICTIONS = "all";
    /** An {@code ownedRoot} no jurisdiction has: nothing owned. */
    public static final long NOBODY = -1;

    public LayerAccess {
        if (!allowed) {
            Objects.requireNonNull(refusal, "refusal");
        }
        Objects.requireNonNull(rightsClass, "rightsClass");
    }

    static LayerAccess refused(String why) {
        return new LayerAccess(false, why, null, null, "none");
    }

    static LayerAccess shared(RegisterDetail detail) {
        return new LayerAccess(true, null, detail, null, SHARED);
    }

    /** Whether single register entries (points) are in the tile for the owned jurisdictions. */
    public boolean individualPoints() {
        return detail == RegisterDetail.POINT;
    }
}
