package org.gridpatrol.geo.crs;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An EPSG coordinate system through proj4j and its bundled EPSG table (proj4j-epsg): geographic
 * systems in degrees (CGCS2000 4490, WGS84 4326), projected ones in their units (CGCS2000
 * Gauss–Krüger 4491–4554, UTM 326xx…). proj4j ignores EPSG's axis order, which suits our contract:
 * x is always longitude or easting.
 *
 * <p>Limits: datum shifts are only those in proj4j's table (CGCS2000 and WGS84 are taken as equal,
 * as PostGIS does; they differ by centimetres); the Gauss–Krüger systems with the zone number in
 * front of the easting (4491–4501 six-degree, 4513–4533 three-degree zones) expect that prefix; the
 * "CM" ones (4502–4512, 4534–4554) do not. Thread-safe: proj4j's transforms keep
 * scratch state, so each thread gets its own pair.
 */
final class EpsgSystem implements CoordinateSystem {

    private static final CRSFactory CRS_FACTORY = new CRSFactory();
    private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();
    private static final Map<Integer, EpsgSystem> KNOWN = new ConcurrentHashMap<>();

    private final int code;
    private final boolean isWgs84;
    private final ThreadLocal<CoordinateTransform> toWgs84;
    private final ThreadLocal<CoordinateTransform> fromWgs84;

    private EpsgSystem(int code, CoordinateReferenceSystem crs, CoordinateReferenceSystem wgs84) {
        this.code = code;
        this.isWgs84 = code == 4326;
        this.toWgs84 = ThreadLocal.withInitial(() -> TRANSFORMS.createTransform(crs, wgs84));
        this.fromWgs84 = ThreadLocal.withInitial(() -> TRANSFORMS.createTransform(wgs84, crs));
    }

    /**
     * The system with this EPSG code.
     *
     * @throws IllegalArgumentException when proj4j's EPSG table does not have it
     */
    static EpsgSystem of(int code) {
        return KNOWN.computeIfAbsent(code, EpsgSystem::create);
    }

    private static EpsgSystem create(int code) {
        CoordinateReferenceSystem crs;
        try {
            crs = CRS_FACTORY.createFromName("EPSG:" + code);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown coordinate system EPSG:" + code
                    + " (not in the EPSG table of proj4j)", e);
        }
        if (crs == null) {
            throw new IllegalArgumentException("unknown coordinate system EPSG:" + code);
        }
        return new EpsgSystem(code, crs, CRS_FACTORY.createFromName("EPSG:4326"));
    }

    @Override
    public String id() {
        return "EPSG:" + code;
    }

    @Override
    public Coordinate toWgs84(Coordinate position) {
        return transform(toWgs84.get(), position);
    }

    @Override
    public Coordinate fromWgs84(Coordinate wgs84) {
        return transform(fromWgs84.get(), wgs84);
    }

    private Coordinate transform(CoordinateTransform transform, Coordinate position) {
        if (isWgs84) {
            return new Coordinate(position.x, position.y);
        }
        ProjCoordinate out = transform.transform(new ProjCoordinate(position.x, position.y), new ProjCoordinate());
        return new Coordinate(out.x, out.y);
    }

    @Override
    public String toString() {
        return id();
    }
}
