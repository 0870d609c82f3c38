package org.gridpatrol.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hostile requests for one operation of an OpenAPI 3 document: bad path ids, bad query values, wrong
 * JSON types, non-finite and extreme numbers, hostile strings, deep and huge structures, invalid GeoJSON
 * and malformed bodies ({@link HostileValues}). Every case changes exactly one thing of an otherwise
 * plausible request (path parameters from {@link #PLAUSIBLE}, a body with every property of the schema
 * filled in), so that a refusal is about that one thing. Deterministic: the cases of an operation are
 * shuffled with a {@link Random} of the given seed and the first {@code limit} kept; the big bodies
 * (1 MB string, 10,000 levels of nesting, 200,000 elements) are kept at most once each per operation.
 */
final class FuzzCases {

    /** One request: what it tries (category), method, path with query, body (null for none) and its content type. */
    record Case(String category, String method, String path, String contentType, byte[] body) {
    }

    /** Path parameter values that name something plausible, so that the one hostile part is what gets refused. */
    static final Map<String, String> PLAUSIBLE = Map.of("kind", "households", "layer", "basemap", "collectionId", "households",
            "z", "14", "x", "8263", "y", "6062", "version", "1", "featureId", "1", "jobId", "00000000-0000-0000-0000-000000000000");

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final JsonNode document;
    private final Random random;

    FuzzCases(JsonNode document, long seed) {
        this.document = document;
        this.random = new Random(seed);
    }

    /** At most {@code limit} cases for {@code method} on the path {@code template} (with its {parameters}). */
    List<Case> forOperation(String template, String method, JsonNode operation, int limit) {
        List<Case> cases = new ArrayList<>();
        List<String> pathParameters = new ArrayList<>();
        Matcher m = PARAMETER.matcher(template);
        while (m.find()) {
            pathParameters.add(m.group(1));
        }
        // a DELETE's plausible id is 0, which names nothing: only the hostile part may decide what happens
        String plainId = method.equals("DELETE") ? "0" : "1";
        String plausiblePath = fill(template, null, null, plainId);
        for (String p : pathParameters) {
            for (String bad : HostileValues.BAD_IDS) {
                cases.add(new Case("path id", method, fill(template, p, bad, plainId), null, null));
            }
        }
        for (JsonNode declared : operation.path("parameters")) {
            JsonNode parameter = resolve(declared);
            if (parameter.path("in").asText().equals("query")) {
                for (String bad : HostileValues.BAD_QUERY) {
                    cases.add(new Case("query", method, plausiblePath + "?" + parameter.path("name").asText() + "=" + bad, null, null));
                }
            }
        }
        cases.add(new Case("query", method, plausiblePath + "?undeclared=" + HostileValues.BAD_QUERY.get(9), null, null));
        JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (!body.isMissingNode()) {
            bodyCases(method, plausiblePath, resolve(body), cases);
        }
        Collections.shuffle(cases, random);
        List<Case> kept = new ArrayList<>();
        List<String> bigSeen = new ArrayList<>();
        for (Case c : cases) {
            if (kept.size() >= limit) {
                break;
            }
            if (c.category().startsWith("big")) {
                if (bigSeen.contains(c.category())) {
                    continue;
                }
                bigSeen.add(c.category());
            }
            kept.add(c);
        }
        return kept;
    }

    private void bodyCases(String method, String path, JsonNode schema, List<Case> cases) {
        for (String malformed : HostileValues.MALFORMED_BODIES) {
            cases.add(json("malformed body", method, path, malformed));
        }
        cases.add(new Case("malformed body", method, path, "text/plain", "{}".getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("malformed body", method, path, "application/xml", "<a/>".getBytes(StandardCharsets.UTF_8)));
        cases.add(json("big: 1 MB string", method, path, HostileValues.megabyteString()));
        cases.add(json("big: 10,000 nested arrays", method, path, HostileValues.deepArrays(10_000)));
        cases.add(json("big: 10,000 nested objects", method, path, HostileValues.deepObjects(10_000)));
        cases.add(json("big: 200,000-element array", method, path, HostileValues.hugeArray(200_000)));
        cases.add(json("big: 50,000-key object", method, path, HostileValues.hugeObject(50_000)));
        for (String geometry : HostileValues.BAD_GEOMETRIES) {
            cases.add(json("geojson", method, path, geometry));
        }
        Map<String, JsonNode> properties = new java.util.LinkedHashMap<>();
        collect("", schema, properties, 0);
        if (properties.isEmpty() || schema.path("additionalProperties").isObject()) { // a free object, e.g. a register feature
            for (String geometry : HostileValues.BAD_GEOMETRIES) {
                cases.add(json("geojson", method, path, "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":{\"people\":2}}"));
            }
            properties.put("people", numberSchema());
            properties.put("lon", numberSchema());
            properties.put("lat", numberSchema());
        }
        for (Map.Entry<String, JsonNode> field : properties.entrySet()) {
            String name = field.getKey();
            JsonNode type = field.getValue();
            String t = type.path("type").asText();
            for (String wrong : HostileValues.WRONG_TYPES) {
                if (!ofType(wrong, t)) {
                    cases.add(json("body: wrong type", method, path, body(schema, name, wrong)));
                }
            }
            if (t.equals("number") || t.equals("integer") || t.equals("array")) {
                for (String n : HostileValues.BAD_NUMBERS) {
                    cases.add(json("body: bad number", method, path, body(schema, name, t.equals("array") ? "[" + n + "," + n + "]" : n)));
                }
            }
            if (t.equals("string") || t.isEmpty()) {
                for (String s : HostileValues.BAD_STRINGS) {
                    cases.add(json("body: hostile string", method, path, body(schema, name, s)));
                }
            }
            if (t.isEmpty() || t.equals("object") || name.matches("(?i).*(area|geometry|geom|line|location|base|boundary).*")) {
                for (String geometry : HostileValues.BAD_GEOMETRIES) {
                    cases.add(json("geojson", method, path, body(schema, name, geometry)));
                }
            }
            cases.add(json("big: 1 MB string", method, path, body(schema, name, HostileValues.megabyteString())));
            cases.add(json("big: 10,000 nested arrays", method, path, body(schema, name, HostileValues.deepArrays(10_000))));
            cases.add(json("big: 200,000-element array", method, path, body(schema, name, HostileValues.hugeArray(200_000))));
        }
    }

    /** Whether the raw JSON value is of the schema type (then it is no wrong type: an empty list may be a valid list). */
    private static boolean ofType(String raw, String type) {
        char first = raw.charAt(0);
        return switch (type) {
            case "array" -> raw.equals("[]");
            case "object" -> raw.equals("{}");
            case "string" -> first == '"';
            case "number", "integer" -> first == '-' || Character.isDigit(first);
            case "boolean" -> raw.equals("true") || raw.equals("false");
            default -> false;
        };
    }

    private static JsonNode numberSchema() {
        return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("type", "number");
    }

    /** Top-level properties as their names, nested ones (one object level down) as "outer.inner". */
    private void collect(String prefix, JsonNode schema, Map<String, JsonNode> into, int depth) {
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode property = resolve(e.getValue());
            into.put(prefix + e.getKey(), property);
            if (depth == 0 && property.has("properties")) {
                collect(prefix + e.getKey() + ".", property, into, depth + 1);
            }
        }
    }

    /** The plausible body of the schema with the (possibly nested) field replaced by raw JSON text. */
    private String body(JsonNode schema, String field, String raw) {
        return plausible(schema, "", field, raw, 0);
    }

    private String plausible(JsonNode schema, String at, String field, String raw, int depth) {
        if (field.equals(at) && !at.isEmpty()) {
            return raw;
        }
        JsonNode s = resolve(schema);
        if (s.has("properties") || (at.isEmpty() && s.path("type").asText().equals("object"))) {
            StringBuilder out = new StringBuilder("{");
            boolean placed = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = at.isEmpty() ? e.getKey() : at + "." + e.getKey();
                out.append(out.length() > 1 ? "," : "").append('"').append(e.getKey()).append("\":")
                        .append(depth > 3 ? "null" : plausible(e.getValue(), path, field, raw, depth + 1));
                placed |= field.equals(path) || field.startsWith(path + ".");
            }
            if (!placed && at.isEmpty()) { // a field of a free object
                out.append(out.length() > 1 ? "," : "").append('"').append(field).append("\":").append(raw);
            }
            return out.append('}').toString();
        }
        return switch (s.path("type").asText()) {
            case "integer" -> "1";
            case "number" -> "1.5";
            case "boolean" -> "true";
            case "array" -> "[" + (depth > 3 ? "" : plausible(s.path("items"), at + "[]", field, raw, depth + 1)) + "]";
            case "string" -> s.has("enum") ? "\"" + s.path("enum").get(0).asText() + "\"" : "\"x\"";
            default -> "{}";
        };
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/")) {
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            return target;
        }
        return schema;
    }

    private static String fill(String template, String hostileParameter, String hostileValue, String plainId) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals(hostileParameter) ? hostileValue : PLAUSIBLE.getOrDefault(name, plainId);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Case json(String category, String method, String path, String body) {
        return new Case(category, method, path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }
}
