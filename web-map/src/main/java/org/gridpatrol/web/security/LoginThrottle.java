package org.gridpatrol.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per account and per client address in a sliding window. Once either count
 * reaches its limit, further logins for that account or from that address are refused until the
 * oldest failure in the window has aged out, even with the right password (the caller answers 429
 * with {@code Retry-After}). A successful login clears the account's failures, not the address's,
 * so one valid account cannot be used to keep guessing others from the same address.
 *
 * <p>In memory: a restart forgets the counts, and several instances count separately (ADR 0018).
 * At most {@value #MAX_KEYS} keys are kept; when full, keys whose failures have all aged out go first.
 */
public final class LoginThrottle {

    static final int MAX_KEYS = 100_000;

    /**
     * @param failuresPerAccount failed logins for one account within {@code window} before it is refused
     * @param failuresPerAddress failed logins from one address within {@code window} before it is refused
     * @param window             how long a failure counts
     */
    public record Limits(int failuresPerAccount, int failuresPerAddress, Duration window) {
        public Limits {
            if (failuresPerAccount < 1 || failuresPerAddress < 1) {
                throw new IllegalArgumentException("login failure limits must be at least 1, got "
                        + failuresPerAccount + " per account and " + failuresPerAddress + " per address");
            }
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("the login failure window must be positive, got " + window);
            }
        }
    }

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** How long logins for this account or from this address are still refused; empty when allowed. */
    public Optional<Duration> refusedFor(String account, String address) {
        Instant now = clock.instant();
        Duration a = wait(accountKey(account), limits.failuresPerAccount(), now);
        Duration b = wait(addressKey(address), limits.failuresPerAddress(), now);
        Duration longest = a.compareTo(b) >= 0 ? a : b;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    public void failed(String account, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_KEYS) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
        for (String key : new String[] {accountKey(account), addressKey(address)}) {
            if (key == null) {
                continue;
            }
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                prune(times, now);
                times.addLast(now);
            }
        }
    }

    public void succeeded(String account) {
        String key = accountKey(account);
        if (key != null) {
            failures.remove(key);
        }
    }

    /** Forgets every failure (an administrator's reset; tests). */
    public void clear() {
        failures.clear();
    }

    private Duration wait(String key, int limit, Instant now) {
        Deque<Instant> times = key == null ? null : failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return Duration.ZERO;
            }
            // refused until enough failures have aged out to fall below the limit
            Instant freed = times.stream().skip(times.size() - limit).findFirst().orElseThrow().plus(limits.window());
            return Duration.between(now, freed);
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(limits.window());
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.removeFirst();
        }
    }

    private static String accountKey(String account) {
        return account == null || account.isBlank() ? null : "account:" + account.trim().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? null : "address:" + address;
    }
}
