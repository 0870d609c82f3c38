package org.gridpatrol.tiles.tilejson;

import org.gridpatrol.tiles.layer.LayerDefinition;
import org.gridpatrol.tiles.layer.VectorLayer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A TileJSON 3.0.0 document for one layer at one data version. The tile URL carries the version
 * ({@code …/tiles/grids/v7/{z}/{x}/{y}.mvt}), so the content behind a URL never changes and clients
 * may cache it forever; a new version means a new TileJSON and new URLs. {@link #toMap()} gives the
 * document with the specification's key names, ready for any JSON writer.
 */
public record TileJson(LayerDefinition layer, long version, String baseUrl, double[] bounds, String attribution) {

    public static final String SPEC_VERSION = "3.0.0";

    public TileJson {
        Objects.requireNonNull(layer, "layer");
        if (version < 1) {
            throw new IllegalArgumentException("version " + version + " is below 1");
        }
        if (baseUrl == null || baseUrl.endsWith("/")) {
            throw new IllegalArgumentException("base URL " + baseUrl + " must be given without a trailing slash");
        }
        if (bounds == null || bounds.length != 4 || bounds[0] > bounds[2] || bounds[1] > bounds[3]) {
            throw new IllegalArgumentException("bounds must be [west, south, east, north]");
        }
    }

    /** The tile URL template of this version. */
    public String tileUrl() {
        return baseUrl + "/tiles/" + layer.name() + "/v" + version + "/{z}/{x}/{y}.mvt";
    }

    public Map<String, Object> toMap() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tilejson", SPEC_VERSION);
        json.put("name", layer.name());
        json.put("description", layer.description());
        json.put("version", "1.0." + version);
        json.put("attribution", attribution);
        json.put("scheme", "xyz");
        json.put("tiles", List.of(tileUrl()));
        json.put("minzoom", layer.minZoom());
        json.put("maxzoom", layer.maxZoom());
        json.put("bounds", List.of(bounds[0], bounds[1], bounds[2], bounds[3]));
        json.put("center", List.of((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2,
                Math.max(layer.minZoom(), Math.min(layer.maxZoom(), 12))));
        List<Map<String, Object>> vectorLayers = new ArrayList<>();
        for (VectorLayer v : layer.vectorLayers()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", v.id());
            entry.put("description", v.description());
            entry.put("minzoom", v.minZoom());
            entry.put("maxzoom", v.maxZoom());
            entry.put("fields", v.fields());
            vectorLayers.add(entry);
        }
        json.put("vector_layers", vectorLayers);
        return json;
    }
}
