package org.gridpatrol.data.user;

import javax.sql.DataSource;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Personal API tokens: created, found by the SHA-256 of the token (the token itself is never
 * stored), listed per user, revoked. Callers generate the random token and hash it.
 */
public interface ApiTokens {

    /** The {@code api_token} table of this database. */
    static ApiTokens inPostgis(DataSource dataSource) {
        return new ApiTokenStore(dataSource);
    }

    /**
     * @param sha256    SHA-256 of the token, 32 bytes
     * @param expiresAt null for a token that does not expire
     * @throws IllegalArgumentException when the user does not exist or a value breaks a table check
     */
    ApiTokenRecord create(byte[] sha256, String username, String name, String scope, OffsetDateTime expiresAt);

    Optional<ApiTokenRecord> findBySha256(byte[] sha256);

    /** The user's tokens that are not revoked, newest first. */
    List<ApiTokenRecord> list(String username);

    /** Revokes the user's token now; false when the user has no unrevoked token with that id. */
    boolean revoke(long id, String username);

    /** Records a use; writes only when the last recorded use is older than a minute (no write per request). */
    void touch(long id);
}
