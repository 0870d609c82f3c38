package org.gridpatrol.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.gridpatrol.data.user.ApiTokenRecord;

import java.time.Duration;

/**
 * API tokens checked recently, by the SHA-256 of the token (in hex): the token's row and its user as they were
 * read, remembered for a few seconds (Caffeine, bounded), so that a client sending hundreds of tile
 * requests a second costs two database lookups per token per {@code ttl}, not two per request
 * (measured in ADR 0043). Only tokens that passed every check are kept; an unknown, revoked or
 * expired token and a disabled user are looked up again at every request. Expiry is still checked
 * at every request against the remembered {@code expiresAt}. A revocation through this instance
 * ({@code DELETE /api/tokens/{id}}) evicts the token at once; a revocation by another instance, a
 * disabled user or a changed role or jurisdiction holds after at most {@code ttl} (a page session keeps
 * its user for the session's whole life).
 */
final class VerifiedTokenCache {

    /** A token that passed every check, and its user as loaded then. */
    record Verified(ApiTokenRecord token, GridpatrolUser user) {
    }

    private final Cache<String, Verified> verified;

    VerifiedTokenCache(Duration ttl, long maximumSize) {
        this.verified = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).executor(Runnable::run).build();
    }

    /** The remembered check of the token with this SHA-256, or null. */
    Verified get(String sha256) {
        return verified.getIfPresent(sha256);
    }

    void put(String sha256, Verified check) {
        verified.put(sha256, check);
    }

    /** Forgets the token with this id (revoked). */
    void evict(long tokenId) {
        verified.asMap().values().removeIf(v -> v.token().id() == tokenId);
    }
}
