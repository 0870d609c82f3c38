package org.gridpatrol.data.patrol;

import org.gridpatrol.data.postgis.UnknownIdException;

import javax.sql.DataSource;
import java.util.List;

/**
 * Service areas in PostGIS: households inside and outside an area (an isochrone union), counted per
 * grid, so the answer may leave the jurisdiction; and the shapes a route is kept inside.
 * Geometries are WKT or GeoJSON in EPSG:4326.
 */
public interface ServiceAreas {

    /** One grid's households and how many of them lie outside the area. */
    record GridCoverage(long gridId, String code, long households, long outside) {
    }

    /** Areas over the grids, registers and jurisdictions of this database. */
    static ServiceAreas inPostgis(DataSource dataSource) {
        return new ServiceAreaQueries(dataSource);
    }

    /**
     * Grids of the jurisdiction (and below; null: all) that hold households, with the count outside
     * {@code areaWkt}, ordered by grid code.
     */
    List<GridCoverage> householdsOutside(String areaWkt, Long jurisdictionId);

    /** A geometry given as WKT, as GeoJSON with 6 decimals. */
    String geoJson(String wkt);

    /**
     * A jurisdiction widened by {@code borderMeters} and simplified to about 10 m, as WKT.
     *
     * @throws UnknownIdException when no jurisdiction has the id
     */
    String jurisdictionArea(long jurisdictionId, int borderMeters);

    /**
     * The grid's geometry as WKT.
     *
     * @throws UnknownIdException when no grid has the id
     */
    String gridWkt(long gridId);
}
