package org.gridpatrol.data.share;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A stored share. Neither the token nor the PIN is held: {@code pinHash} is a bcrypt hash, and the
 * token is only ever looked up by its SHA-256. {@code bbox} is the area's extent (west, south, east, north);
 * {@code routesJson} the joint patrol routes to show (a JSON array, see {@link NewShare}).
 */
public record ShareRecord(long id, String createdBy, List<Long> jurisdictionIds, List<String> layers,
                          OffsetDateTime expiresAt, String pinHash, boolean allowAnnotations,
                          OffsetDateTime createdAt, OffsetDateTime revokedAt, double[] bbox, String routesJson) {

    public ShareRecord {
        jurisdictionIds = jurisdictionIds == null ? null : List.copyOf(jurisdictionIds);
        layers = List.copyOf(layers);
    }

    public boolean pinRequired() {
        return pinHash != null;
    }

    /** Whether the share opens at {@code now}: not revoked and not expired. */
    public boolean openAt(OffsetDateTime now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "ShareRecord[" + id + ", by " + createdBy + ", layers " + layers + ", expires " + expiresAt + "]"; // never the PIN hash
    }
}
