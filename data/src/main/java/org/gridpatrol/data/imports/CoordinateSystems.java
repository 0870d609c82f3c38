package org.gridpatrol.data.imports;

import org.gridpatrol.geo.crs.CoordinateSystem;
import org.locationtech.jts.geom.Coordinate;

import java.util.Locale;

/**
 * Names of coordinate systems as the import meets them: the request's, GDAL's. Resolution goes to
 * grid-geo's {@link CoordinateSystem#of}; WGS84 itself is the identity here so that an import of
 * WGS84 data never depends on a conversion library.
 */
final class CoordinateSystems {

    static final CoordinateSystem WGS84 = new CoordinateSystem() {
        @Override
        public String id() {
            return "EPSG:4326";
        }

        @Override
        public Coordinate toWgs84(Coordinate position) {
            return position;
        }

        @Override
        public Coordinate fromWgs84(Coordinate wgs84) {
            return wgs84;
        }
    };

    private CoordinateSystems() {
    }

    /** @throws ImportFileException MAPPING when the name is unknown */
    static CoordinateSystem resolve(String name) {
        if (name == null || isWgs84(name)) {
            return WGS84;
        }
        try {
            return CoordinateSystem.of(name);
        } catch (IllegalArgumentException e) {
            throw new ImportFileException(ImportFileException.Reason.MAPPING, "unknown coordinate system '" + name
                    + "': use WGS84, CGCS2000, GCJ-02, BD-09 or an EPSG code such as EPSG:4547");
        } catch (UnsupportedOperationException e) {
            throw new ImportFileException(ImportFileException.Reason.MAPPING, "coordinate system '" + name
                    + "' is not available in this build; import WGS84 coordinates");
        }
    }

    static boolean isWgs84(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        return n.equals("WGS84") || n.equals("EPSG:4326") || n.equals("4326") || n.equals("WGS-84");
    }

    /** GCJ-02 and BD-09: offsets of Chinese web maps, unknown to GDAL and EPSG. */
    static boolean isChineseWebSystem(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        return n.startsWith("GCJ") || n.startsWith("BD09") || n.equals("BAIDU") || n.equals("AMAP") || n.equals("GAODE");
    }

    /** The name GDAL takes for {@code -s_srs}. */
    static String gdalName(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT);
        if (n.matches("\\d+")) {
            return "EPSG:" + n;
        }
        if (isWgs84(n)) {
            return "EPSG:4326";
        }
        if (n.equals("CGCS2000")) {
            return "EPSG:4490";
        }
        return n;
    }
}
