package org.gridpatrol.data.features;

import org.gridpatrol.data.basemap.BoundingBox;

import java.time.OffsetDateTime;

/**
 * Where a layer's features lie ({@code box}, WGS84; null for an empty layer) and, for temporal
 * layers, since when ({@code since}: the earliest effective date; the interval is open at its end
 * because the current features are still in force).
 */
public record LayerExtent(BoundingBox box, OffsetDateTime since) {
}
