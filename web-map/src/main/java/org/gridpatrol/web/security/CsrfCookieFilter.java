package org.gridpatrol.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Loads the deferred CSRF token on every request so that {@code CookieCsrfTokenRepository} writes
 * the {@code XSRF-TOKEN} cookie: the page is static HTML and never renders the token itself, yet
 * its scripts must send it back as {@code X-XSRF-TOKEN} on every write. Tiles ({@code /tiles/**},
 * read-only GETs, hundreds per map view) are left out: the page and the API calls around them write
 * the cookie, and a tile need not pay for a token it never uses (ADR 0017).
 */
final class CsrfCookieFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/tiles/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token != null) {
            token.getToken();
        }
        chain.doFilter(request, response);
    }
}
