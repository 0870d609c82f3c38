package org.gridpatrol.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Refuses logins (HTTP Basic or the login form) that {@link LoginThrottle} throttles with 429
 * problem+json and {@code Retry-After}, before the password is checked; counts the failures and
 * successes Spring Security reports. Requests without credentials pass untouched. The client
 * address is the connection's ({@code getRemoteAddr}); behind a proxy configure Tomcat's
 * {@code RemoteIpValve} ({@code server.forward-headers-strategy=native}) so it is the real one.
 */
public final class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    /**
     * Whether the account of the request on this thread had failures when it was checked: a success
     * then clears them, and only then (a successful Basic request is a success event every time, and
     * most have nothing to clear: no write per request).
     */
    private final ThreadLocal<Boolean> accountHadFailures = new ThreadLocal<>();

    public LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String account = account(request);
        if (account != null) {
            LoginThrottle.Verdict verdict = throttle.check(account, request.getRemoteAddr());
            Optional<Duration> refused = verdict.refusedFor();
            if (refused.isPresent()) {
                long seconds = Math.max(1, refused.get().toSeconds() + 1);
                response.setStatus(429);
                response.setHeader("Retry-After", String.valueOf(seconds));
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                        + "\"detail\":\"Too many failed logins for this account or from this address; try again in "
                        + seconds + " s.\",\"retryAfterSeconds\":" + seconds + "}");
                return;
            }
            accountHadFailures.set(verdict.accountHasFailures());
            try {
                chain.doFilter(request, response);
            } finally {
                accountHadFailures.remove();
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /** The account a request tries to log in as, or null when it carries no credentials. */
    static String account(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return null; // not Base64: Spring refuses it with 401
            }
        }
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            String username = request.getParameter("username");
            return username == null ? "" : username;
        }
        return null;
    }

    @EventListener
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureServiceExceptionEvent) {
            return; // the account could not be looked up (database unreachable, a failover): no wrong password
        }
        throttle.failed(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (Boolean.FALSE.equals(accountHadFailures.get())) {
            return; // checked on this thread a moment ago: nothing to clear
        }
        throttle.succeeded(event.getAuthentication().getName());
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
