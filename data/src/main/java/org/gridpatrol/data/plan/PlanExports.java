package org.gridpatrol.data.plan;

import org.gridpatrol.data.postgis.UnknownIdException;

import javax.sql.DataSource;

/**
 * A plan's current step for download: its grids as GeoJSON (each the union of its blocks), or CSV
 * of block → grid or household → grid (ids only, no personal field).
 */
public interface PlanExports {

    /** Exports of the plans in this database. */
    static PlanExports inPostgis(DataSource dataSource) {
        return new PlanExport(dataSource);
    }

    /** @throws UnknownIdException when no plan has the id */
    String geoJson(long planId);

    /**
     * RFC 4180 CSV with a header.
     *
     * @param of {@code blocks} (block_id,grid_id,grid_code) or {@code households} (household_id,block_id,grid_id,grid_code)
     * @throws IllegalArgumentException for any other {@code of}
     * @throws UnknownIdException       when no plan has the id
     */
    String csv(long planId, String of);
}
