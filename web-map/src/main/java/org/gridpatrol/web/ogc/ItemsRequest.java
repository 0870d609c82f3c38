package org.gridpatrol.web.ogc;

import org.gridpatrol.data.basemap.BoundingBox;
import org.gridpatrol.data.features.FeatureQuery;
import org.gridpatrol.data.features.TimeInterval;
import org.gridpatrol.web.http.InvalidFieldException;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters of {@code /ogc/collections/{id}/items}, checked: {@code bbox} (4 or 6 numbers,
 * WGS84 longitude first; heights ignored), {@code datetime} ({@link DatetimeParameter}), {@code limit}
 * (1 or more; {@value #DEFAULT_LIMIT} by default; above {@link FeatureQuery#MAX_LIMIT} it is served as
 * the maximum, as the standard permits), {@code offset} (0 or more) and {@code f} ({@code json} or
 * {@code geojson}). Any other parameter is refused (400 naming it), as Core requires, so a typo does
 * not silently return everything.
 */
record ItemsRequest(FeatureQuery query, String format) {

    static final int DEFAULT_LIMIT = 10;
    static final Set<String> PARAMETERS = Set.of("bbox", "datetime", "limit", "offset", "f");

    static ItemsRequest of(Map<String, String[]> parameters) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new InvalidFieldException(name, "unknown query parameter '" + name
                        + "': items take bbox, datetime, limit, offset and f");
            }
        }
        BoundingBox bbox = bbox(single(parameters, "bbox"));
        String datetime = single(parameters, DatetimeParameter.NAME);
        TimeInterval time = datetime == null ? null : DatetimeParameter.parse(datetime);
        long limit = number(single(parameters, "limit"), "limit", DEFAULT_LIMIT);
        if (limit < 1) {
            throw new InvalidFieldException("limit", "limit must be 1 or more, got " + limit);
        }
        long offset = number(single(parameters, "offset"), "offset", 0);
        if (offset < 0) {
            throw new InvalidFieldException("offset", "offset must be 0 or more, got " + offset);
        }
        String f = single(parameters, "f");
        if (f != null && !List.of("json", "geojson").contains(f)) {
            throw new InvalidFieldException("f", "f must be json or geojson (HTML is not served), got '" + f + "'");
        }
        return new ItemsRequest(new FeatureQuery(bbox, time, (int) Math.min(limit, FeatureQuery.MAX_LIMIT), offset), f);
    }

    private static String single(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null) {
            return null;
        }
        if (values.length > 1) {
            throw new InvalidFieldException(name, name + " is given " + values.length + " times; give it once");
        }
        return values[0];
    }

    private static long number(String text, String name, long otherwise) {
        if (text == null) {
            return otherwise;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(name, name + " must be a whole number, got '" + text + "'");
        }
    }

    private static BoundingBox bbox(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw new InvalidFieldException("bbox", "bbox must be 4 numbers (west,south,east,north in degrees, longitude first) "
                    + "or 6 with heights, got '" + text + "'");
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InvalidFieldException("bbox", "bbox value " + (i + 1) + " is not a number: '" + parts[i] + "'");
            }
        }
        int half = parts.length / 2;
        try {
            return new BoundingBox(v[0], v[1], v[half], v[half + 1]);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("bbox", "bbox: " + e.getMessage() + ", got '" + text + "'"
                    + (v[0] > v[half] ? " (boxes across the antimeridian are not served)" : ""));
        }
    }
}
