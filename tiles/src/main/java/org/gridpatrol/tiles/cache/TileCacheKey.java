package org.gridpatrol.tiles.cache;

import org.gridpatrol.tiles.coord.TileCoord;

import java.util.Objects;

/**
 * What a cached tile is: layer, data version, z/x/y and the rights class of the viewers it was made
 * for ({@link org.gridpatrol.tiles.privacy.LayerAccess#rightsClass()}). Two viewers of one class
 * get the same bytes; a tile is never served across classes.
 */
public record TileCacheKey(String layer, long version, TileCoord coord, String rightsClass) {

    public TileCacheKey {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(coord, "coord");
        Objects.requireNonNull(rightsClass, "rightsClass");
        if (version < 1) {
            throw new IllegalArgumentException("version " + version + " is below 1");
        }
    }

    /** A strong validator for HTTP: the same key gives the same bytes. */
    public String etag() {
        return "\"" + layer + "-" + version + "-" + coord.z() + "-" + coord.x() + "-" + coord.y() + "-" + rightsClass + "\"";
    }

    /** The file of a cached tile below a cache folder: {@code layer/vN/z/x/y.mvt}. */
    public String relativePath() {
        return layer + "/v" + version + "/" + rightsClass + "/" + coord.z() + "/" + coord.x() + "/" + coord.y() + ".mvt";
    }
}
