package org.gridpatrol.web;

import java.util.List;

/**
 * The catalogue of malformed and extreme inputs the OpenAPI fuzzer ({@link FuzzCases}) draws from, as
 * raw JSON text (so that values JSON cannot hold, such as NaN, reach the server as written) or as raw
 * path and query text (already percent-encoded where a URI needs it).
 */
final class HostileValues {

    /** Path segments where an id belongs: negative, zero, beyond long, not a number, unicode, quotes. */
    static final List<String> BAD_IDS = List.of("-1", "0", "99999999999999999999999", "9223372036854775808", "abc", "1.5", "NaN",
            "1e3", "%F0%9F%98%80", "%E2%80%AE1", "%27%20OR%201%3D1", "x".repeat(2000), "-0", "%20", "0x10");

    /** Query parameter values: wrong types, non-finite and huge numbers, broken boxes and dates, unicode, long text. */
    static final List<String> BAD_QUERY = List.of("abc", "-1", "1e999", "NaN", "Infinity", "-Infinity", "99999999999999999999", "",
            "%00", "%E2%80%AE%F0%9F%98%80", "%ED%A0%80", "y".repeat(5000), "1,2,3", "181,-91,-181,91", "NaN,NaN,NaN,NaN",
            "1,2,3,4,5,6,7", "2026-13-45T99:00:00Z", "..", "true", "%22%5B%5D%22", "-2147483649");

    /** Values of the wrong JSON type, for any field. */
    static final List<String> WRONG_TYPES = List.of("\"text\"", "12345", "-1", "true", "null", "[]", "{}", "[1,\"a\",null]",
            "{\"type\":\"Point\"}", "\"\"");

    /** Numbers JSON cannot hold (written bare, as some clients do), and extreme ones it can. */
    static final List<String> BAD_NUMBERS = List.of("NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"", "1e400", "-1e400", "1e-400",
            "2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809", "0.0000000000000000000001", "-0", "1" + "0".repeat(1200),
            "0x1F", "01", "+1", ".5");

    /** Strings: right-to-left overrides, emoji, NUL and lone surrogates as JSON escapes, control characters, long text. */
    static final List<String> BAD_STRINGS = List.of(
            "\"\\u202Emirror\\u202C 名字 😀👨‍👩‍👧\"", "\"nul\\u0000byte\"", "\"lone \\uD800 high\"", "\"lone \\uDC00 low\"",
            "\"\\uDBFF\\uDFFF max\"", "\"\\u0001\\u001f\\u007f\"", "\"" + "長".repeat(10_000) + "\"", "\"<script>alert(1)</script>\"",
            "\"'; DROP TABLE grid; --\"", "\"%s%n%x\"", "\"\"", "\"   \"", "\"2026-02-30T25:61:00Z\"", "\"\\\\..\\\\..\\\\etc\\\\passwd\"");

    /** A one-megabyte string (1,000,000 characters: under the 1 MiB body limit, so the JSON reader meets it). */
    static String megabyteString() {
        return "\"" + "m".repeat(1_000_000) + "\"";
    }

    /** Arrays nested {@code depth} deep. */
    static String deepArrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** Objects nested {@code depth} deep. */
    static String deepObjects(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** An array of {@code n} numbers. */
    static String hugeArray(int n) {
        StringBuilder s = new StringBuilder(n * 2 + 2).append('[');
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ",").append(i % 10);
        }
        return s.append(']').toString();
    }

    /** An object of {@code n} distinct keys. */
    static String hugeObject(int n) {
        StringBuilder s = new StringBuilder(n * 10).append('{');
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        return s.append('}').toString();
    }

    /**
     * Invalid or awkward GeoJSON geometries: unclosed and self-intersecting rings, 3D and 4D positions,
     * latitude and longitude swapped (a point of the sample's area as lat, lon), beyond the world,
     * across the antimeridian, empty, wrong type names, positions of one number, non-finite numbers.
     */
    static final List<String> BAD_GEOMETRIES = List.of(
            "{\"type\":\"Polygon\",\"coordinates\":[[[1.50,42.50],[1.52,42.50],[1.52,42.52],[1.50,42.52]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[1.50,42.50],[1.52,42.52],[1.52,42.50],[1.50,42.52],[1.50,42.50]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[1.50,42.50,100],[1.52,42.50,100],[1.52,42.52,100],[1.50,42.50,100]]]}",
            "{\"type\":\"Point\",\"coordinates\":[1.52,42.50,10,99]}",
            "{\"type\":\"Point\",\"coordinates\":[42.5063,1.5218]}",
            "{\"type\":\"Point\",\"coordinates\":[200,95]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[179.5,0],[-179.5,0],[-179.5,1],[179.5,1],[179.5,0]]]}",
            "{\"type\":\"LineString\",\"coordinates\":[[179.9,10],[-179.9,10]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[]]}",
            "{\"type\":\"MultiPolygon\",\"coordinates\":[[[]]]}",
            "{\"type\":\"GeometryCollection\",\"geometries\":[]}",
            "{\"type\":\"Point\",\"coordinates\":[]}",
            "{\"type\":\"Point\",\"coordinates\":[1.5]}",
            "{\"type\":\"Point\",\"coordinates\":[\"1.5\",\"42.5\"]}",
            "{\"type\":\"Point\",\"coordinates\":[NaN,Infinity]}",
            "{\"type\":\"Point\",\"coordinates\":[1e308,-1e308]}",
            "{\"type\":\"Circle\",\"coordinates\":[1.5,42.5]}",
            "{\"type\":\"Polygon\"}",
            "{\"coordinates\":[1.5,42.5]}",
            "{\"type\":\"LineString\",\"coordinates\":[[1.5,42.5]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[1.5,42.5],[1.5,42.5],[1.5,42.5],[1.5,42.5]]]}",
            "{\"type\":\"Feature\",\"geometry\":null,\"properties\":null}",
            "{\"type\":\"FeatureCollection\",\"features\":[{}]}");

    /** Bodies that are not the JSON asked for at all. */
    static final List<String> MALFORMED_BODIES = List.of("", "{", "{\"a\":}", "not json", "[]", "null", "\"a string\"", "42",
            "\uFEFF{}", "{\"a\":1}{\"b\":2}", "{\"a\":1,}", "{'a':1}", "{\"a\":\"\\x\"}", "{\"a\":\"\u0000\"}", "{\"__proto__\":{\"admin\":true}}");

    private HostileValues() {
    }
}
