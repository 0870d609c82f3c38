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
 * @param maxConcurrent  tile requests served at the same time by {@link TileFilter} (the others wait their
 *                       turn, first come first served): 0 for twice the processors, at least 4; negative for
 *                       no limit (ADR 0043)
 */
@ConfigurationProperties("gridpatrol.tiles")
public record TileProperties(@DefaultValue("256") int cacheMegabytes, @DefaultValue("true") boolean diskCache,
                             @DefaultValue("200") int gridMinHouseholds, @DefaultValue("400") int gridMaxHouseholds,
                             @DefaultValue("0") int maxConcurrent) {

    public TileProperties {
        if (cacheMegabytes < 1) {
            throw new IllegalArgumentException("gridpatrol.tiles.cache-megabytes must be at least 1, not " + cacheMegabytes);
        }
    }

    /** The limit {@link #maxConcurrent} stands for on this machine; {@link Integer#MAX_VALUE} for none. */
    public int concurrentTiles() {
        return maxConcurrent < 0 ? Integer.MAX_VALUE : maxConcurrent > 0 ? maxConcurrent
                : Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    }
}
