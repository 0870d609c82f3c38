package org.gridpatrol.web.export;

import org.gridpatrol.geo.crs.CoordinateSystem;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The coordinates an export is written in, and the EPSG code its files are labelled with. GCJ-02 has
 * no EPSG code (it is WGS84 with a deliberate, non-linear offset inside China), so GCJ-02 files are
 * labelled EPSG:4326 and say GCJ-02 in their file name. CGCS2000 is EPSG:4490.
 */
public enum ExportCrs {
    WGS84("wgs84", "WGS84", 4326),
    GCJ02("gcj02", "GCJ-02", 4326),
    CGCS2000("cgcs2000", "CGCS2000", 4490);

    private final String value;
    private final String systemName;
    private final int epsg;

    ExportCrs(String value, String systemName, int epsg) {
        this.value = value;
        this.systemName = systemName;
        this.epsg = epsg;
    }

    public String value() {
        return value;
    }

    /** The EPSG code written into {@code .prj} files and GeoPackages. */
    public int epsg() {
        return epsg;
    }

    /** The conversion from the store's WGS84; {@code null} for WGS84 itself (nothing to convert). */
    public CoordinateSystem system() {
        return this == WGS84 ? null : CoordinateSystem.of(systemName);
    }

    /** @throws IllegalArgumentException naming the known systems */
    public static ExportCrs of(String value) {
        return Arrays.stream(values()).filter(c -> c.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("crs must be one of "
                        + Arrays.stream(values()).map(ExportCrs::value).collect(Collectors.joining(", ")) + ", got '" + value + "'"));
    }
}
