package org.gridpatrol.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gridpatrol.web.http.ProblemJson;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Requests refused by Spring Security's {@code StrictHttpFirewall} (a {@code ;}, {@code //}, {@code ..}
 * or encoded {@code %} or {@code .} in the path, a non-printable header…) answer 400 problem+json with
 * the firewall's reason, instead of an error page. The reason names the refused character, not the
 * request's text.
 */
final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(ProblemJson.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ProblemJson.of(400, "Bad Request",
                "The request's path or headers are not acceptable: " + reason(rejected)
                        + ". Put such characters in query parameters, percent-encoded, instead."));
    }

    /** The firewall's reason, shortened: it may quote a header value the client sent. */
    private static String reason(RequestRejectedException rejected) {
        String message = String.valueOf(rejected.getMessage());
        return message.length() <= 200 ? message : message.substring(0, 200) + "…";
    }
}
