package org.gridpatrol.geo.crs;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the names {@link CoordinateSystem#of(String)} accepts: {@code EPSG:n} (also {@code EPSG n},
 * {@code epsg:n}) or a bare number, the aliases {@code WGS84}, {@code CGCS2000}, {@code GCJ-02} and
 * {@code BD-09} with their common spellings. Spaces, case and a trailing {@code ll} do not matter.
 */
final class CoordinateSystemNames {

    private static final Pattern EPSG = Pattern.compile("(?:EPSG[:\\s]*)?(\\d{4,6})");

    private CoordinateSystemNames() {
    }

    static CoordinateSystem resolve(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("no coordinate system given (expected e.g. EPSG:4326, GCJ-02, BD-09)");
        }
        String key = name.strip().toUpperCase(Locale.ROOT);
        switch (key.replace(" ", "").replace("_", "-")) {
            case "WGS84", "WGS-84", "EPSG:WGS84" -> {
                return EpsgSystem.of(4326);
            }
            case "CGCS2000", "CGCS-2000" -> {
                return EpsgSystem.of(4490);
            }
            case "GCJ-02", "GCJ02", "GCJ", "MARS" -> {
                return Gcj02.INSTANCE;
            }
            case "BD-09", "BD09", "BD-09LL", "BD09LL", "BAIDU" -> {
                return Bd09.INSTANCE;
            }
            default -> {
                Matcher epsg = EPSG.matcher(key);
                if (epsg.matches()) {
                    return EpsgSystem.of(Integer.parseInt(epsg.group(1)));
                }
                throw new IllegalArgumentException("unknown coordinate system '" + name
                        + "' (expected EPSG:n, WGS84, CGCS2000, GCJ-02 or BD-09)");
            }
        }
    }
}
