package org.gridpatrol.tiles.layer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One named layer inside a tile (the MVT layer, TileJSON's {@code vector_layers} entry): the
 * attributes its features may carry, each with its TileJSON type ({@code String}, {@code Number},
 * {@code Boolean}), and the zooms at which it holds features.
 */
public record VectorLayer(String id, String description, int minZoom, int maxZoom, Map<String, String> fields) {

    public VectorLayer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        if (minZoom < 0 || maxZoom < minZoom || maxZoom > 24) {
            throw new IllegalArgumentException("vector layer " + id + ": zoom range " + minZoom + ".." + maxZoom + " is not within 0..24");
        }
        for (String type : fields.values()) {
            if (!type.equals("String") && !type.equals("Number") && !type.equals("Boolean")) {
                throw new IllegalArgumentException("vector layer " + id + ": field type " + type + " is not String, Number or Boolean");
            }
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Fields in the order given: {@code fieldsOf("name", "String", "households", "Number")}. */
    static Map<String, String> fieldsOf(String... nameTypePairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            fields.put(nameTypePairs[i], nameTypePairs[i + 1]);
        }
        return fields;
    }
}
