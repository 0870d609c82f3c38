package org.gridpatrol.web.security;

import java.util.regex.Pattern;

/**
 * A personal API token: {@code gpt_} and 256 random bits ({@link RandomSecret}), Base64url
 * without padding (47 characters). The prefix lets secret scanners and people recognise one. Only
 * its SHA-256 is stored: a slow hash is not needed for a random secret this long. The value never
 * appears in {@link #toString()} (and so in no log line).
 */
public final class ApiToken {

    static final String PREFIX = "gpt_";
    private static final Pattern FORM = Pattern.compile("gpt_[A-Za-z0-9_-]{43}");

    private final String value;

    private ApiToken(String value) {
        this.value = value;
    }

    public static ApiToken generate() {
        return new ApiToken(PREFIX + RandomSecret.generate());
    }

    /** Whether {@code text} has the form of a token (checked before any lookup). */
    public static boolean wellFormed(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    public static byte[] sha256(String token) {
        return RandomSecret.sha256(token);
    }

    /** The secret itself, to hand to the creator once. */
    public String reveal() {
        return value;
    }

    public byte[] sha256() {
        return sha256(value);
    }

    @Override
    public String toString() {
        return "ApiToken[hidden]";
    }
}
