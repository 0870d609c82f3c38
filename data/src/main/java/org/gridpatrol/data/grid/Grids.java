package org.gridpatrol.data.grid;

import javax.sql.DataSource;
import java.time.OffsetDateTime;

/**
 * Published grids as GeoJSON, with the number of households and rentals in each. Counts are
 * aggregates, so they are the same for every viewer; no personal field is ever selected.
 */
public interface Grids {

    /** The grids in this database. */
    static Grids inPostgis(DataSource dataSource) {
        return new GridQueries(dataSource);
    }

    /** Grids of the jurisdiction and of every jurisdiction below it, as a FeatureCollection. */
    String featureCollection(long jurisdictionId);

    /**
     * The grids in force at {@code asOf}, with {@code validFrom} and {@code validTo}; register counts
     * are of today's registers inside each historical shape, as the registers are not versioned.
     */
    String featureCollectionAsOf(long jurisdictionId, OffsetDateTime asOf);
}
