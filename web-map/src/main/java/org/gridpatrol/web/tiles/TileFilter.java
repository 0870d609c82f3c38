package org.gridpatrol.web.tiles;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gridpatrol.web.http.NotFoundException;
import org.gridpatrol.web.security.GridpatrolUser;
import org.gridpatrol.web.share.ShareAccess;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.ServerHttpObservationFilter;

import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;

/**
 * The fast path of {@code GET /tiles/{layer}/{z}/{x}/{y}.mvt} and {@code GET /tiles/{layer}/v{version}/{z}/{x}/{y}.mvt}:
 * a servlet filter behind the Spring Security filter chain (for the page's tile GETs the short
 * {@code tileSecurityFilterChain} of {@code SecurityConfiguration}) and ahead of Spring MVC's dispatch, so a
 * tile costs the security chain, one {@link TileService#tile} (the cache, or one SQL statement) and
 * a write, not the handler mapping, argument resolution, content negotiation and message converters
 * of a controller call (measured in docs/benchmarks.md, ADR 0017).
 *
 * <p>The viewer is the one Spring Security authenticated for this request (session or HTTP Basic),
 * made into a {@link org.gridpatrol.tiles.privacy.Viewer} by {@link TileController#viewerOf}, exactly
 * as the controller does; the privacy rules, the cache key and the headers are the controller's.
 * Whatever this filter does not answer with a tile (200), an empty tile (204) or 304 goes on
 * unchanged to {@link TileController}, which stays the documented endpoint and the one place that
 * phrases refusals: requests with a share token (their access is decided and logged by
 * {@link ShareAccess}), methods other than GET, an {@code Accept} header that does not plainly take
 * any type, paths {@link TilePath} does not parse, and requests {@link TileService} refuses
 * (unknown layer, layer not for this viewer, replaced version). A refused replaced version is
 * therefore built twice; that happens once per stale client URL and cache miss.
 */
public final class TileFilter extends HttpFilter {

    private final TileService tiles;
    private final LongAdder served = new LongAdder();

    public TileFilter(TileService tiles) {
        this.tiles = tiles;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        TilePath path = fastPath(request);
        GridpatrolUser user = path == null ? null : user();
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        TileService.Tile tile;
        try {
            tile = tiles.tile(path.layer(), path.version(), path.coord(), TileController.viewerOf(user));
        } catch (AccessDeniedException | NotFoundException | IllegalArgumentException refused) {
            chain.doFilter(request, response); // the controller says why, in problem+json
            return;
        }
        served.increment();
        // the request metric (http.server.requests) names the endpoint as when Spring MVC served it
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(observation -> observation.setPathPattern(
                path.version() == null ? "/tiles/{layer}/{z}/{x}/{y}.mvt" : "/tiles/{layer}/v{version}/{z}/{x}/{y}.mvt"));
        String cacheControl = TileController.cacheControl(path.version() != null, tile.viewerDependent()).getHeaderValue();
        String etag = tile.key().etag();
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        response.setHeader(HttpHeaders.ETAG, etag);
        if (TileController.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        } else if (tile.bytes().length == 0) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(TileController.MVT);
            response.setContentLength(tile.bytes().length);
            response.getOutputStream().write(tile.bytes());
        }
        response.flushBuffer(); // the answer leaves now, not after the filters above have unwound
    }

    /** Tiles answered here since the start (the others went on to the controller). */
    public long served() {
        return served.sum();
    }

    /** The tile of a plain logged-in GET, or null when the request goes on to the controller. */
    private static TilePath fastPath(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getHeader(ShareAccess.TOKEN_HEADER) != null) {
            return null;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !accept.contains("*/*") && !accept.contains(TileController.MVT)) {
            return null; // content negotiation (406 or not) is the controller's
        }
        return TilePath.parse(request.getRequestURI().substring(request.getContextPath().length()));
    }

    private static GridpatrolUser user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof GridpatrolUser user ? user : null;
    }
}
