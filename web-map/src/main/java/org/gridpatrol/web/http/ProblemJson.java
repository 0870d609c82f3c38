package org.gridpatrol.web.http;

/**
 * An RFC 9457 problem document as text, for the few places that answer before Spring MVC and its
 * message converters exist for the request (Tomcat's error report, the security firewall). Only
 * {@code type}, {@code title}, {@code status} and {@code detail}; strings are JSON-escaped here.
 */
public final class ProblemJson {

    /** The media type every such answer carries. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemJson() {
    }

    /** The problem document for {@code status} with the given title and detail. */
    public static String of(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":" + quoted(title) + ",\"status\":" + status
                + ",\"detail\":" + quoted(detail) + "}";
    }

    static String quoted(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
