package org.gridpatrol.data.user;

import java.time.OffsetDateTime;

/**
 * A personal API token as stored: never the token itself, only who it acts for, its name and scope
 * ({@code read} or {@code write}) and its times. {@code expiresAt} null: it does not expire;
 * {@code revokedAt} set: it is refused.
 */
public record ApiTokenRecord(long id, String username, String name, String scope, OffsetDateTime createdAt,
                             OffsetDateTime expiresAt, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {

    public ApiTokenRecord {
        if (username == null || name == null || !("read".equals(scope) || "write".equals(scope)) || createdAt == null) {
            throw new IllegalArgumentException("an API token needs a user, a name, scope read or write and a creation time");
        }
    }

    /** Whether a request made at {@code now} with this token is accepted (not revoked, not expired). */
    public boolean usableAt(OffsetDateTime now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** Whether the token may only read. */
    public boolean readOnly() {
        return "read".equals(scope);
    }
}
