package org.gridpatrol.data.features;

import org.gridpatrol.data.basemap.BoundingBox;

/**
 * One page of a layer: features intersecting {@code bbox} (WGS84, null: everywhere), valid during
 * {@code time} (null: the current state; only temporal layers use it), ordered by id, {@code limit}
 * of them from {@code offset}.
 */
public record FeatureQuery(BoundingBox bbox, TimeInterval time, int limit, long offset) {

    /** The largest page served: 10,000 features (about 20 MB of block polygons). */
    public static final int MAX_LIMIT = 10_000;

    public FeatureQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
    }
}
