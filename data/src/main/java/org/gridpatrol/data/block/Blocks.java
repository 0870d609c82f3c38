package org.gridpatrol.data.block;

import javax.sql.DataSource;

/** Blocks of a jurisdiction as the page reads them: GeoJSON with counts, and the health of the grids over them. */
public interface Blocks {

    /** The blocks in this database. */
    static Blocks inPostgis(DataSource dataSource) {
        return new BlockQueries(dataSource);
    }

    /**
     * The live blocks of the jurisdiction and everything below it as a GeoJSON FeatureCollection, with
     * their grid, parent block and register counts (aggregates only).
     */
    String featureCollection(long jurisdictionId);

    /**
     * Health of the jurisdiction's published grids, over the jurisdiction and everything below it;
     * all zero for a healthy jurisdiction.
     */
    Topology topology(long jurisdictionId);
}
