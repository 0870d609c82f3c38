package org.gridpatrol.data.basemap;

import javax.sql.DataSource;

/**
 * The basemap features inside a bounding box as one GeoJSON FeatureCollection, each feature with a
 * {@code layer} property (landuse, water, waterway, railway, road, building, place). What is
 * drawn depends on the zoom: major roads only when zoomed out, buildings from zoom 15; lines and
 * polygons are simplified to about one screen pixel. Used by the first page; the vector tiles of
 * the tiles work replace it for large areas.
 */
public interface Basemap {

    /** Feature cap per request, so a zoomed-out view of a big import cannot exhaust memory. */
    int MAX_FEATURES = 20_000;

    /** The basemap in the OSM layer tables of this database. */
    static Basemap inPostgis(DataSource dataSource) {
        return new BasemapQueries(dataSource);
    }

    /** @throws IllegalArgumentException when the zoom is outside 0..22 */
    String featureCollection(BoundingBox bbox, int zoom);

    /**
     * Where the page opens, as [west, south, east, north]: the extent of the registered households,
     * or of the townships when there are none yet, or of the roads when there are no jurisdictions.
     */
    double[] extent();

    /** Whether the registers hold synthetic households or rentals (the page then says so). */
    boolean syntheticRegisters();

    /** Whether any jurisdiction lies in the box: tells an empty view from a mistyped one. */
    boolean coversData(BoundingBox bbox);
}
