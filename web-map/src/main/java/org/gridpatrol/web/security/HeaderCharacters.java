package org.gridpatrol.web.security;

/**
 * The firewall's header rules ({@code StrictHttpFirewall}'s defaults: every code point assigned and no
 * control character; a tab allowed in values) checked with a loop that passes printable ASCII at once,
 * instead of the default regular expressions, which look up the Unicode type of every character of every
 * header read (ADR 0045). Spring Security reads the {@code Authorization} header several times a request
 * (chain selection, token filter, and on the API chain the throttle and Basic filters): with the regular expressions that check was the
 * largest single cost of an API-token tile. The same strings pass and fail as with the defaults
 * ({@code HeaderCharactersTest} compares them).
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    /** A header name: assigned code points, no control character. */
    static boolean allowedName(String name) {
        return allowed(name, false);
    }

    /** A header value: assigned code points, no control character but the tab. */
    static boolean allowedValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String text, boolean tab) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F || c == '\t' && tab) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(codePoint == '\t' && tab)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
