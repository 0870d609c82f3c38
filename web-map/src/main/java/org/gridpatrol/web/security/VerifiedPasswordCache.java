package org.gridpatrol.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * The password encoder with a short-lived memory of successful checks, so HTTP Basic clients pay
 * one bcrypt per {@code ttl} instead of one per request (ADR 0034). A check that succeeded is
 * remembered under an HMAC-SHA256, with a key drawn at random when the process starts, of the
 * stored hash and the password given: never the password itself, and useless outside this
 * process. Because the stored hash is part of the key, a changed password (a new bcrypt hash) finds
 * nothing and is checked in full; roles, jurisdiction and the enabled flag are not cached at all
 * (the account is read at every request). Failures are never remembered, so every wrong password
 * costs a bcrypt and reaches the login throttle. Encoding is the delegate's.
 */
public final class VerifiedPasswordCache implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Cache<String, Boolean> verified;
    private final SecretKeySpec key;

    public VerifiedPasswordCache(PasswordEncoder delegate, Duration ttl, int maximumSize) {
        this.delegate = delegate;
        this.verified = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String entry = entry(rawPassword, encodedPassword);
        if (verified.getIfPresent(entry) != null) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            verified.put(entry, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    /** Forgets every remembered check (tests; an operator's reset). */
    public void clear() {
        verified.invalidateAll();
    }

    private String entry(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "VerifiedPasswordCache[" + verified.estimatedSize() + " entries]";
    }
}
