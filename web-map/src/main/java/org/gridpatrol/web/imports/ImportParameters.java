package org.gridpatrol.web.imports;

import org.gridpatrol.data.imports.ImportKind;
import org.gridpatrol.geo.crs.CoordinateSystem;
import org.gridpatrol.web.http.InvalidFieldException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The form fields of an import, checked: each wrong one is a 400 naming the field
 * ({@link InvalidFieldException}), before the file is stored or read.
 *
 * @param kind             what the file holds
 * @param mapping          field → column (empty: as detected)
 * @param coordinateSystem canonical name, or null: from the file
 * @param encoding         canonical charset name, or null: detected
 * @param jurisdictionId   the jurisdiction to import into, or null
 * @param dryRun           report only
 */
public record ImportParameters(ImportKind kind, Map<String, String> mapping, String coordinateSystem, String encoding,
                               Long jurisdictionId, boolean dryRun) {

    public ImportParameters {
        mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
    }

    /** Reads the raw form values (any may be null or blank except {@code kind}). */
    public static ImportParameters parse(String kind, String mapping, String crs, String encoding, String jurisdictionId,
                                         String dryRun, JsonMapper json) {
        return new ImportParameters(kind(kind), mapping(mapping, json), coordinateSystem(crs), encoding(encoding),
                jurisdictionId(jurisdictionId), dryRun(dryRun));
    }

    static ImportKind kind(String value) {
        if (blank(value)) {
            throw new InvalidFieldException("kind", "kind is required: one of "
                    + java.util.Arrays.stream(ImportKind.values()).map(ImportKind::label).toList());
        }
        try {
            return ImportKind.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("kind", e.getMessage());
        }
    }

    static Map<String, String> mapping(String value, JsonMapper json) {
        if (blank(value)) {
            return Map.of();
        }
        JsonNode node;
        try {
            node = json.readTree(value);
        } catch (JacksonException e) {
            throw badMapping("it is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw badMapping("it is not a JSON object");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getValue().isNull() || (entry.getValue().isString() && entry.getValue().asString().isBlank())) {
                continue; // a field the page left unmapped
            }
            if (!entry.getValue().isString()) {
                throw badMapping("the value of '" + entry.getKey() + "' is not a column name");
            }
            result.put(entry.getKey(), entry.getValue().asString());
        }
        return result;
    }

    private static InvalidFieldException badMapping(String why) {
        return new InvalidFieldException("mapping", "mapping must be a JSON object of field to column, e.g. "
                + "{\"headName\":\"户主\",\"lon\":\"经度\"}: " + why);
    }

    static String coordinateSystem(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return CoordinateSystem.of(value.strip()).id();
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("crs", "unknown coordinate system '" + value.strip()
                    + "': use WGS84, CGCS2000, GCJ-02, BD-09 or an EPSG code such as EPSG:4549");
        }
    }

    static String encoding(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Charset.forName(value.strip()).name();
        } catch (IllegalCharsetNameException | java.nio.charset.UnsupportedCharsetException e) {
            throw new InvalidFieldException("encoding", "unknown text encoding '" + value.strip()
                    + "': use UTF-8, GBK or GB18030, or leave it empty to detect it");
        }
    }

    static Long jurisdictionId(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("jurisdictionId", "jurisdictionId must be a jurisdiction's number, got '" + value + "'");
        }
    }

    static boolean dryRun(String value) {
        if (blank(value)) {
            return true; // nothing is written unless asked for
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidFieldException("dryRun", "dryRun must be true or false, got '" + value + "'");
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
