package org.gridpatrol.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gridpatrol.data.user.ApiTokenRecord;
import org.gridpatrol.data.user.ApiTokens;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates {@code Authorization: Bearer gpt_…} requests by the SHA-256 of the token: looked up
 * in the database, or taken from {@link VerifiedTokenCache} when it passed every check in the last
 * few seconds (a revocation through this instance evicts it at once; expiry is checked every time). Unknown, expired or revoked tokens, and tokens of
 * disabled or deleted users, are refused with 401 problem+json; a {@code read} token is refused
 * with 403 on anything but GET, HEAD, OPTIONS and the computing POSTs that store nothing
 * ({@link #READ_ONLY_POSTS}). The user is loaded with the token, so a token follows role and jurisdiction
 * changes within the cache's few seconds. Nothing is kept in a session. Requests without a Bearer header pass untouched.
 */
public final class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    /** POSTs that compute an answer and store nothing: a read token may make them. */
    static final Set<String> READ_ONLY_POSTS = Set.of("/api/isochrones", "/api/patrol/coverage");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final long TOUCH_EVERY_MILLIS = 60_000;

    private final ApiTokens tokens;
    private final AccountUserDetailsService users;
    private final VerifiedTokenCache verified;
    private final Map<Long, Long> lastTouched = new ConcurrentHashMap<>();

    public ApiTokenAuthenticationFilter(ApiTokens tokens, AccountUserDetailsService users, VerifiedTokenCache verified) {
        this.tokens = tokens;
        this.users = users;
        this.verified = verified;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = bearer(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] sha256 = ApiToken.wellFormed(token) ? ApiToken.sha256(token) : null;
        String key = sha256 == null ? null : java.util.HexFormat.of().formatHex(sha256);
        VerifiedTokenCache.Verified remembered = key == null ? null : verified.get(key);
        ApiTokenRecord record = remembered != null ? remembered.token()
                : sha256 == null ? null : tokens.findBySha256(sha256).orElse(null);
        if (record == null || !record.usableAt(OffsetDateTime.now())) {
            refuse(response, request, 401, "Unauthorized", record == null
                    ? "The API token is unknown." : "The API token has expired or was revoked.");
            return;
        }
        GridpatrolUser user = remembered != null ? remembered.user() : user(record.username());
        if (user == null) {
            refuse(response, request, 401, "Unauthorized", "The API token's user is disabled or no longer exists.");
            return;
        }
        if (remembered == null) {
            verified.put(key, new VerifiedTokenCache.Verified(record, user));
        }
        if (record.readOnly() && !readOnly(request)) {
            refuse(response, request, 403, "Forbidden", "This API token has scope read: it may not "
                    + request.getMethod() + " here; use a token with scope write.");
            return;
        }
        touch(record.id());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(user, record.id(), record.readOnly()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The token of an {@code Authorization: Bearer} header, or null when the request has none. */
    static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
    }

    private static boolean readOnly(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return SAFE_METHODS.contains(request.getMethod())
                || ("POST".equals(request.getMethod()) && READ_ONLY_POSTS.contains(path));
    }

    private GridpatrolUser user(String username) {
        try {
            UserDetails details = users.loadUserByUsername(username);
            return details.isEnabled() && details instanceof GridpatrolUser user ? user : null;
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }

    /** Records the use at most once a minute per token per instance: no database write per request. */
    private void touch(long id) {
        long now = System.currentTimeMillis();
        Long last = lastTouched.get(id);
        if (last == null || now - last > TOUCH_EVERY_MILLIS) {
            lastTouched.put(id, now);
            if (lastTouched.size() > 10_000) {
                lastTouched.clear(); // bounded; the database check keeps writes to one a minute anyway
            }
            tokens.touch(id);
        }
    }

    private static void refuse(HttpServletResponse response, HttpServletRequest request, int status, String title,
                               String detail) throws IOException {
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"gridpatrol\", error=\"invalid_token\"");
        }
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String instance = request.getRequestURI().replace("\\", "\\\\").replace("\"", "\\\"");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"instance\":\"" + instance + "\"}");
    }
}
