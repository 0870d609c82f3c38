package org.gridpatrol.data.jurisdiction;

import javax.sql.DataSource;
import java.util.Optional;

/** The jurisdiction tree (county, townships, villages): as GeoJSON, and lookups by id, code and ancestry. */
public interface Jurisdictions {

    /** The {@code jurisdiction} table of this database. */
    static Jurisdictions inPostgis(DataSource dataSource) {
        return new JurisdictionQueries(dataSource);
    }

    /** All jurisdictions as an RFC 7946 FeatureCollection (longitude first, 6 decimals ≈ 0.1 m). */
    String featureCollection();

    /** The jurisdiction's level, or empty when no jurisdiction has this id. */
    Optional<String> levelOf(long id);

    /** The id of the jurisdiction with this code, if any. */
    Optional<Long> idOfCode(String code);

    /**
     * The county-level root the data is about: the one whose area holds the most OSM roads (an
     * extract's neighbours across its edge hold few), then the lowest id. Empty without jurisdictions.
     */
    Optional<Long> mainRoot();

    /** The first child (by name) of a jurisdiction, if it has any. */
    Optional<Long> firstChildOf(long parentId);

    /** Whether {@code id} is {@code ancestorId} or lies below it in the tree. */
    boolean isWithin(long id, long ancestorId);
}
