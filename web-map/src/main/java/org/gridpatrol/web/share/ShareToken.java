package org.gridpatrol.web.share;

import org.gridpatrol.web.security.RandomSecret;

import java.util.regex.Pattern;

/**
 * A share token: 256 random bits ({@link RandomSecret}), Base64url without padding (43
 * characters). Only its SHA-256 is stored; a slow hash is not needed for a secret this long. The
 * value never appears in {@link #toString()} (and so in no log line).
 */
public final class ShareToken {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final String value;

    private ShareToken(String value) {
        this.value = value;
    }

    public static ShareToken generate() {
        return new ShareToken(RandomSecret.generate());
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
        return "ShareToken[hidden]";
    }
}
