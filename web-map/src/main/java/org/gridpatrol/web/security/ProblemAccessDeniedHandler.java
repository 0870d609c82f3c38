package org.gridpatrol.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gridpatrol.web.http.ProblemJson;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * 403 from the security filter chain as problem+json (Spring Security's default sends a bare 403 to
 * the error page): mostly a write without a valid CSRF token, which says what to send instead.
 * Refusals inside the controllers go through {@code ApiProblems} as before.
 */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        String detail = e instanceof CsrfException
                ? "The request carries no valid CSRF token: send the XSRF-TOKEN cookie's value as the X-XSRF-TOKEN header,"
                + " or authenticate with HTTP Basic or an API token (Authorization: Bearer)."
                : "You may not do this.";
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(ProblemJson.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ProblemJson.of(403, "Forbidden", detail));
    }
}
