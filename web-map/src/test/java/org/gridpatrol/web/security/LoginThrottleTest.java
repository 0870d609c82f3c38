package org.gridpatrol.web.security;

import org.gridpatrol.web.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T00:00:00Z"));
    private final InMemoryLoginFailures store = new InMemoryLoginFailures();
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limits(3, 5, Duration.ofMinutes(15)), clock, store);

    @Test
    void theThirdFailureRefusesUntilTheFirstHasAgedOut() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.refusedFor("Alice", "10.0.0.1")).isEmpty();
            throttle.failed("alice", "10.0.0.1");
            clock.advance(Duration.ofSeconds(60));
        }
        // failures at 0, 60 and 120 s; now 180 s: refused until 0 + 15 min
        assertThat(throttle.refusedFor("ALICE ", "10.0.0.2")).hasValue(Duration.ofMinutes(15).minusSeconds(180));
        assertThat(throttle.refusedFor("bob", "10.0.0.2")).isEmpty();
        clock.set(Instant.parse("2026-12-05T00:15:00Z"));
        assertThat(throttle.refusedFor("alice", "10.0.0.2")).isEmpty();
    }

    @Test
    void anAddressIsRefusedOverManyAccountsAndASuccessClearsOnlyTheAccount() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertThat(throttle.refusedFor("someone-else", "10.0.0.9")).isPresent();
        assertThat(throttle.check("user1", "10.0.0.8").accountHasFailures()).isTrue();
        throttle.succeeded("user1");
        assertThat(throttle.check("user1", "10.0.0.8").accountHasFailures()).isFalse();
        assertThat(throttle.refusedFor("someone-else", "10.0.0.9")).as("the address keeps its count").isPresent();
    }

    @Test
    void anOverlongNameIsCountedByItsStartAndAMissingOneNotAtAll() {
        String longName = "x".repeat(5000);
        for (int i = 0; i < 3; i++) {
            throttle.failed(longName + i, null);
        }
        assertThat(throttle.refusedFor(longName, null)).isPresent();
        assertThat(throttle.check(null, null).refusedFor()).isEmpty();
    }
}
