package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** What the JSON API answers about a jurisdiction, layer by layer: the reference exports are compared with. */
final class ExportReference {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ApiClient api;
    private final String password;

    ExportReference(ApiClient api, String password) {
        this.api = api;
        this.password = password;
    }

    /** The features of each layer of the jurisdiction and below, as {@code user} gets them from the API. */
    Map<String, List<JsonNode>> layers(long jurisdiction, String user) throws IOException {
        Map<String, List<JsonNode>> layers = new LinkedHashMap<>();
        List<JsonNode> all = features("/api/jurisdictions", user);
        Set<Long> scope = new LinkedHashSet<>(List.of(jurisdiction));
        for (boolean grew = true; grew; ) {
            grew = false;
            for (JsonNode j : all) {
                JsonNode parent = j.get("properties").get("parentId");
                if (parent != null && !parent.isNull() && scope.contains(parent.asLong()) && scope.add(j.get("properties").get("id").asLong())) {
                    grew = true;
                }
            }
        }
        layers.put("jurisdictions", all.stream().filter(j -> scope.contains(j.get("properties").get("id").asLong())).toList());
        layers.put("grids", features("/api/grids?jurisdiction=" + jurisdiction, user));
        layers.put("blocks", features("/api/blocks?jurisdiction=" + jurisdiction, user));
        for (String register : List.of("households", "rentals")) {
            List<JsonNode> rows = new ArrayList<>();
            for (JsonNode grid : layers.get("grids")) {
                rows.addAll(features("/api/" + register + "?grid=" + grid.get("properties").get("id").asLong(), user));
            }
            rows.sort((a, b) -> Long.compare(a.get("properties").get("id").asLong(), b.get("properties").get("id").asLong()));
            layers.put(register, rows);
        }
        return layers;
    }

    private List<JsonNode> features(String path, String user) throws IOException {
        JsonNode body = JSON.readTree(api.get(path, user, password).body());
        if (!body.has("features")) {
            throw new IllegalStateException(path + " as " + user + " gives no features: " + body);
        }
        List<JsonNode> features = new ArrayList<>();
        body.get("features").forEach(features::add);
        return features;
    }

    /** minX, minY, maxX, maxY of a GeoJSON geometry's positions. */
    static double[] envelope(JsonNode geometry) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        extend(geometry.get("coordinates"), box);
        return box;
    }

    private static void extend(JsonNode coordinates, double[] box) {
        if (coordinates.get(0).isNumber()) {
            box[0] = Math.min(box[0], coordinates.get(0).asDouble());
            box[1] = Math.min(box[1], coordinates.get(1).asDouble());
            box[2] = Math.max(box[2], coordinates.get(0).asDouble());
            box[3] = Math.max(box[3], coordinates.get(1).asDouble());
            return;
        }
        coordinates.forEach(c -> extend(c, box));
    }

    /** The entries of a zip as UTF-8 text, by name. */
    static Map<String, String> zipText(byte[] zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
