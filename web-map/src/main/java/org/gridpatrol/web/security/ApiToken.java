package org.gridpatrol.web.security;

/**
 * A personal API token: {@code gpt_} and 256 random bits ({@link RandomSecret}), Base64url
 * without padding (47 characters). The prefix lets secret scanners and people recognise one. Only
 * its SHA-256 is stored: a slow hash is not needed for a random secret this long. The value never
 * appears in {@link #toString()} (and so in no log line).
 */
public final class ApiToken {

    static final String PREFIX = "gpt_";
    private static final int SECRET_LENGTH = 43;

    private final String value;

    private ApiToken(String value) {
        this.value = value;
    }

    public static ApiToken generate() {
        return new ApiToken(PREFIX + RandomSecret.generate());
    }

    /**
     * Whether {@code text} has the form of a token, {@code gpt_} and 43 characters of base64url (checked
     * before any lookup, on every Bearer request: a loop, not a regular expression).
     */
    public static boolean wellFormed(String text) {
        if (text == null || text.length() != PREFIX.length() + SECRET_LENGTH || !text.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
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
