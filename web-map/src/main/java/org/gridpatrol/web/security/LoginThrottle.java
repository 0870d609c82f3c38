package org.gridpatrol.web.security;

import org.gridpatrol.data.user.LoginFailures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed logins per account and per client address in a sliding window. Once either count
 * reaches its limit, further logins for that account or from that address are refused until the
 * oldest failure in the window has aged out, even with the right password (the caller answers 429
 * with {@code Retry-After}). A successful login clears the account's failures, not the address's,
 * so one valid account cannot be used to keep guessing others from the same address.
 *
 * <p>The failures live in a {@link LoginFailures} store: for the application's logins the database
 * ({@code login_failure}, ADR 0037), so every instance counts every failure and a restart forgets
 * nothing; one check is a single query of two index probes. The two-argument constructor keeps them
 * in this process (share PINs, unit tests).
 */
public final class LoginThrottle {

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

    /**
     * The answer for one login attempt.
     *
     * @param refusedFor         how long logins are still refused; empty when allowed
     * @param accountHasFailures the account had failures in the window (a success then has something to clear)
     */
    public record Verdict(Optional<Duration> refusedFor, boolean accountHasFailures) {
    }

    private static final int MAX_NAME = 200;

    private final Limits limits;
    private final Clock clock;
    private final LoginFailures failures;

    /** Failures kept in this process only. */
    public LoginThrottle(Limits limits, Clock clock) {
        this(limits, clock, new InMemoryLoginFailures());
    }

    public LoginThrottle(Limits limits, Clock clock, LoginFailures failures) {
        this.limits = limits;
        this.clock = clock;
        this.failures = failures;
    }

    /** How long logins for this account or from this address are still refused; empty when allowed. */
    public Optional<Duration> refusedFor(String account, String address) {
        return check(account, address).refusedFor();
    }

    /** {@link #refusedFor}, and whether the account has failures to clear on success; one store round trip. */
    public Verdict check(String account, String address) {
        String accountKey = accountKey(account);
        String addressKey = addressKey(address);
        Map<String, Integer> probes = new LinkedHashMap<>();
        if (accountKey != null) {
            probes.put(accountKey, limits.failuresPerAccount());
        }
        if (addressKey != null) {
            probes.put(addressKey, limits.failuresPerAddress());
        }
        if (probes.isEmpty()) {
            return new Verdict(Optional.empty(), false);
        }
        Instant now = clock.instant();
        Map<String, LoginFailures.Recent> recent = failures.recent(probes, now.minus(limits.window()));
        Duration longest = Duration.ZERO;
        for (LoginFailures.Recent r : recent.values()) {
            if (r.limiting() != null) {
                // refused until enough failures have aged out to fall below the limit
                Duration wait = Duration.between(now, r.limiting().plus(limits.window()));
                longest = wait.compareTo(longest) > 0 ? wait : longest;
            }
        }
        LoginFailures.Recent ofAccount = accountKey == null ? null : recent.get(accountKey);
        return new Verdict(longest.isZero() || longest.isNegative() ? Optional.empty() : Optional.of(longest),
                ofAccount != null && ofAccount.count() > 0);
    }

    public void failed(String account, String address) {
        List<String> keys = new ArrayList<>(2);
        for (String key : new String[] {accountKey(account), addressKey(address)}) {
            if (key != null) {
                keys.add(key);
            }
        }
        if (!keys.isEmpty()) {
            Instant now = clock.instant();
            failures.record(keys, now, now.minus(limits.window()));
        }
    }

    public void succeeded(String account) {
        String key = accountKey(account);
        if (key != null) {
            failures.forget(key);
        }
    }

    /** Forgets every failure (an administrator's reset; tests). */
    public void clear() {
        failures.forgetAll();
    }

    private static String accountKey(String account) {
        if (account == null || account.isBlank()) {
            return null;
        }
        // PostgreSQL text cannot hold NUL: a Basic header may carry one, and must not make the check fail
        String name = account.trim().toLowerCase(Locale.ROOT).replace('\u0000', '\uFFFD');
        // no account name is this long; a longer one (a Basic header of any size) is counted by its start
        return "account:" + (name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name);
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? null : "address:" + address.replace('\u0000', '\uFFFD');
    }
}
