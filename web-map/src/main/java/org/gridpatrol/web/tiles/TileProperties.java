package org.gridpatrol.web.tiles;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gridpatrol.tiles.*}.
 *
 * @param cacheMegabytes bound of the in-memory tile cache (tile bytes counted)
 * @param diskCache      keep basemap tiles under {@code data-dir/tiles} across restarts
 * @param gridMinHouseholds lower end of the target grid size (grids layer {@code balance})
 * @param gridMaxHouseholds upper end of the target grid size
 */
@ConfigurationProperties("gridpatrol.tiles")
public record TileProperties(@DefaultValue("256") int cacheMegabytes, @DefaultValue("true") boolean diskCache,
                             @DefaultValue("200") int gridMinHouseholds, @DefaultValue("400") int gridMaxHouseholds) {

    public TileProperties {
        if (cacheMegabytes < 1) {
            throw new IllegalArgumentException("gridpatrol.tiles.cache-megabytes must be at least 1, not " + cacheMegabytes);
        }
    }
}
