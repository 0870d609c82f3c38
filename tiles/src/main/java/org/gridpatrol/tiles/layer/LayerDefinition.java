package org.gridpatrol.tiles.layer;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tile layer as served at {@code /tiles/{name}/…}: its zoom range (tiles outside it are empty),
 * the vector layers its tiles hold, and whether a tile's content may depend on who asks (then it is
 * cached per viewer-rights class and sent with {@code Cache-Control: private}).
 */
public record LayerDefinition(String name, String description, int minZoom, int maxZoom, boolean viewerDependent,
                              List<VectorLayer> vectorLayers) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{1,30}");

    public LayerDefinition {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("layer name " + name + " is not 2-31 lower-case letters and digits");
        }
        Objects.requireNonNull(description, "description");
        if (minZoom < 0 || maxZoom < minZoom || maxZoom > 24) {
            throw new IllegalArgumentException("layer " + name + ": zoom range " + minZoom + ".." + maxZoom + " is not within 0..24");
        }
        vectorLayers = List.copyOf(vectorLayers);
        if (vectorLayers.isEmpty()) {
            throw new IllegalArgumentException("layer " + name + " holds no vector layer");
        }
    }

    /** Whether tiles at zoom {@code z} can hold features. */
    public boolean coversZoom(int z) {
        return z >= minZoom && z <= maxZoom;
    }
}
