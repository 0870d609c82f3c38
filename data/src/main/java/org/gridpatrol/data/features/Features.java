package org.gridpatrol.data.features;

import javax.sql.DataSource;
import java.util.Optional;

/**
 * The layers of OGC API – Features, read page by page. The database writes the GeoJSON; the same
 * answer for every viewer, as every layer holds aggregates only (no names, phones or ID numbers).
 */
public interface Features {

    /** The layers in this database. */
    static Features inPostgis(DataSource dataSource) {
        return new FeatureQueries(dataSource);
    }

    /** A page of the layer's features, ordered by id (and version, for grids over an interval). */
    FeaturePage page(FeatureLayer layer, FeatureQuery query);

    /** One current feature as a GeoJSON Feature, or empty when none has the id. */
    Optional<String> feature(FeatureLayer layer, long id);

    /** The layer's spatial extent and, for temporal layers, its first effective date. */
    LayerExtent extent(FeatureLayer layer);
}
