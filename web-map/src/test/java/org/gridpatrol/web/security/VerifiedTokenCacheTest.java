package org.gridpatrol.web.security;

import org.gridpatrol.data.user.ApiTokenRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The verified-token cache: remembered for its lifetime, forgotten at once by id, never beyond its lifetime. */
class VerifiedTokenCacheTest {

    private static VerifiedTokenCache.Verified check(long id) {
        ApiTokenRecord token = new ApiTokenRecord(id, "planner", "script", "read", OffsetDateTime.now(), null, null, null);
        return new VerifiedTokenCache.Verified(token, TestPrincipals.planner(7));
    }

    @Test
    void aRevokedTokenIsForgottenAtOnceAndOnlyThatOne() {
        VerifiedTokenCache cache = new VerifiedTokenCache(Duration.ofMinutes(1), 100);
        cache.put("aa", check(1));
        cache.put("bb", check(2));
        assertThat(cache.get("aa").token().id()).isEqualTo(1);
        cache.evict(1);
        assertThat(cache.get("aa")).isNull();
        assertThat(cache.get("bb").token().id()).isEqualTo(2);
    }

    @Test
    void aCheckIsForgottenAfterItsLifetime() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(Duration.ofMillis(200), 100);
        cache.put("aa", check(1));
        assertThat(cache.get("aa")).isNotNull();
        Thread.sleep(400);
        assertThat(cache.get("aa")).isNull();
    }

    @Test
    void aLifetimeOfZeroRemembersNothing() {
        VerifiedTokenCache cache = new VerifiedTokenCache(Duration.ZERO, 0);
        cache.put("aa", check(1));
        assertThat(cache.get("aa")).isNull();
    }
}
