package org.gridpatrol.web.patrol;

import org.gridpatrol.routing.track.RawFix;
import org.gridpatrol.routing.track.TrackRefusedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON track: {@code {"teamId"|"workerId", "mode", "points":[{"lon","lat","time","accuracy"?}]}},
 * time as ISO 8601 with zone or epoch seconds. A missing time stays NaN for {@code TrackChecks} to
 * name; anything else malformed is refused here, naming the field.
 */
final class TrackBodyReader {

    /** The owner and mode of an upload (as given; checked by the intake). */
    record Owner(Long teamId, Long workerId, String mode) {
    }

    record Body(Owner owner, List<RawFix> points) {
    }

    private TrackBodyReader() {
    }

    static Body read(JsonMapper json, String text) {
        JsonNode root;
        try {
            root = text == null || text.isBlank() ? null : json.readTree(text);
        } catch (JacksonException e) {
            throw new TrackRefusedException("body", "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new TrackRefusedException("body", "a JSON object with points is required");
        }
        Owner owner = new Owner(id(root, "teamId"), id(root, "workerId"),
                root.hasNonNull("mode") ? root.get("mode").asString() : null);
        JsonNode points = root.get("points");
        if (points == null || !points.isArray()) {
            throw new TrackRefusedException("points", "an array of {lon, lat, time} is required");
        }
        List<RawFix> fixes = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            JsonNode p = points.get(i);
            String where = "points[" + i + "]";
            if (!p.isObject()) {
                throw new TrackRefusedException(where, "must be an object {lon, lat, time}");
            }
            double accuracy = p.hasNonNull("accuracy") ? number(p, "accuracy", where) : Double.NaN;
            fixes.add(new RawFix(number(p, "lon", where), number(p, "lat", where), time(p.get("time"), where),
                    accuracy > 0 ? accuracy : Double.NaN, -1));
        }
        return new Body(owner, fixes);
    }

    private static Long id(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw new TrackRefusedException(field, "must be a whole number");
        }
        return value.asLong();
    }

    private static double number(JsonNode point, String field, String where) {
        JsonNode value = point.get(field);
        if (value == null || !value.isNumber()) {
            throw new TrackRefusedException(where + "." + field, "a number is required");
        }
        return value.asDouble();
    }

    static double time(JsonNode value, String where) {
        if (value == null || value.isNull()) {
            return Double.NaN;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        try {
            return OffsetDateTime.parse(value.asString()).toInstant().toEpochMilli() / 1000.0;
        } catch (DateTimeParseException e) {
            throw new TrackRefusedException(where + ".time", "not an ISO 8601 time with zone (e.g. 2026-12-01T08:00:00Z): "
                    + value.asString());
        }
    }
}
