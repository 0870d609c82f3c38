package org.gridpatrol.web.share;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The layers a share can open; a request for a layer the share does not list gets 403. */
public enum ShareLayer {
    /** the offline OSM basemap */
    BASEMAP,
    /** township and village boundaries, clipped to the area */
    JURISDICTIONS,
    /** every party's grids with counts (households, rentals, team members) */
    GRIDS,
    /** the meeting's notes pinned to the map */
    ANNOTATIONS,
    /** joint patrol routes across the border, routed over both sides' roads */
    ROUTES;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The share layer that opens a vector-tile layer ({@code /tiles/{layer}/…}) to share-token callers: the
     * basemap, boundaries, grids, and households and rentals as counts (the grids layer); null for tile layers
     * a share never opens (blocks, key places, stored patrol routes).
     */
    public static ShareLayer forTileLayer(String tileLayer) {
        return switch (tileLayer) {
            case "basemap" -> BASEMAP;
            case "jurisdictions" -> JURISDICTIONS;
            case "grids", "households", "rentals" -> GRIDS;
            default -> null;
        };
    }

    /** @throws IllegalArgumentException naming the known layers */
    public static ShareLayer of(String code) {
        return Arrays.stream(values()).filter(l -> l.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("layers: unknown layer '" + code + "', known are "
                        + Arrays.stream(values()).map(ShareLayer::code).collect(Collectors.joining(", "))));
    }
}
