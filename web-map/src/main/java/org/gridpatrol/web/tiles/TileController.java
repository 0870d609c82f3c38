package org.gridpatrol.web.tiles;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.gridpatrol.tiles.coord.TileCoord;
import org.gridpatrol.tiles.layer.LayerDefinition;
import org.gridpatrol.tiles.privacy.PrivacyRules;
import org.gridpatrol.tiles.privacy.Viewer;
import org.gridpatrol.tiles.tilejson.TileJson;
import org.gridpatrol.web.security.GridpatrolUser;
import org.gridpatrol.web.share.ShareAccess;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Duration;
import java.util.Map;

/**
 * Vector tiles. {@code GET /tiles/{layer}.json} is the layer's TileJSON 3.0 with a tile URL that
 * names the current data version; {@code GET /tiles/{layer}/v{version}/{z}/{x}/{y}.mvt} is immutable
 * (cached by clients for a year, {@code private} when the tile depends on the viewer);
 * {@code GET /tiles/{layer}/{z}/{x}/{y}.mvt} always gives the current version, revalidated by ETag.
 * An empty tile is 204, z/x/y outside the tile pyramid 400, a layer the viewer may not see 403,
 * an unknown layer or a replaced version 404.
 *
 * <p>Logged-in GETs of a tile that the service answers are served by {@link TileFilter} ahead of
 * Spring MVC, with the same viewer, cache key and headers; this controller answers everything else
 * (share tokens, refusals, other methods) and documents the endpoints.
 */
@RestController
@Tag(name = "tiles", description = "Mapbox Vector Tiles of every map layer, versioned and filtered by the viewer's rights")
public class TileController {

    public static final String MVT = "application/vnd.mapbox-vector-tile";
    private static final MediaType MVT_TYPE = MediaType.parseMediaType(MVT);
    private static final Duration FOREVER = Duration.ofDays(365);

    private final TileService tiles;
    private final ShareAccess shares;

    public TileController(TileService tiles, ShareAccess shares) {
        this.tiles = tiles;
        this.shares = shares;
    }

    @Operation(summary = "TileJSON 3.0 of a layer; its tile URL carries the layer's current data version")
    @ApiResponse(responseCode = "200", description = "TileJSON")
    @ApiResponse(responseCode = "403", description = "the viewer may not see this layer",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "no such layer", content = @Content(mediaType = "application/problem+json"))
    @GetMapping(value = "/tiles/{layer}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> tileJson(
            @Parameter(description = "basemap, jurisdictions, grids, blocks, households, rentals, keyplaces, patrolroutes or tracks")
            @PathVariable("layer") String layer, @AuthenticationPrincipal GridpatrolUser user, HttpServletRequest request) {
        LayerDefinition definition = TileService.layer(layer);
        Viewer viewer = viewer(user, request, layer, null);
        if (!PrivacyRules.access(definition, viewer, definition.maxZoom()).allowed()) {
            throw new AccessDeniedException(PrivacyRules.access(definition, viewer, definition.maxZoom()).refusal());
        }
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        TileJson json = new TileJson(definition, tiles.currentVersion(layer), base, tiles.bounds(),
                "© OpenStreetMap contributors, ODbL; synthetic registers");
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(json.toMap());
    }

    @Operation(summary = "One tile of a layer at a data version (immutable)")
    @ApiResponse(responseCode = "200", description = "the tile", content = @Content(mediaType = MVT))
    @ApiResponse(responseCode = "204", description = "nothing in this tile")
    @ApiResponse(responseCode = "304", description = "the client's copy (If-None-Match) is current")
    @ApiResponse(responseCode = "400", description = "z, x or y outside the tile pyramid",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "the viewer may not see this layer",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "no such layer, or the version was replaced (reload the TileJSON)",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping(value = "/tiles/{layer}/v{version}/{z}/{x}/{y}.mvt", produces = MVT)
    public ResponseEntity<byte[]> versionedTile(@PathVariable("layer") String layer, @PathVariable("version") String version,
                                                @PathVariable("z") String z, @PathVariable("x") String x, @PathVariable("y") String y,
                                                @AuthenticationPrincipal GridpatrolUser user, HttpServletRequest request) {
        long v = number("version", version);
        TileCoord coord = coord(z, x, y);
        TileService.Tile tile = tiles.tile(layer, v, coord, viewer(user, request, layer, coord));
        return respond(tile, cacheControl(true, tile.viewerDependent()), request);
    }

    @Operation(summary = "One tile of a layer at its current data version (revalidate by ETag)")
    @ApiResponse(responseCode = "200", description = "the tile", content = @Content(mediaType = MVT))
    @ApiResponse(responseCode = "204", description = "nothing in this tile")
    @ApiResponse(responseCode = "400", description = "z, x or y outside the tile pyramid",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "the viewer may not see this layer",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping(value = "/tiles/{layer}/{z}/{x}/{y}.mvt", produces = MVT)
    public ResponseEntity<byte[]> currentTile(@PathVariable("layer") String layer, @PathVariable("z") String z,
                                              @PathVariable("x") String x, @PathVariable("y") String y,
                                              @AuthenticationPrincipal GridpatrolUser user, HttpServletRequest request) {
        TileCoord coord = coord(z, x, y);
        TileService.Tile tile = tiles.tile(layer, null, coord, viewer(user, request, layer, coord));
        return respond(tile, cacheControl(false, tile.viewerDependent()), request);
    }

    /**
     * A versioned tile is immutable for a year, public unless it depends on the viewer; a current
     * one is revalidated on every use ({@code no-cache}), private when it depends on the viewer.
     */
    static CacheControl cacheControl(boolean versioned, boolean viewerDependent) {
        if (versioned) {
            CacheControl cache = CacheControl.maxAge(FOREVER).immutable();
            return viewerDependent ? cache.cachePrivate() : cache.cachePublic();
        }
        return viewerDependent ? CacheControl.noCache().cachePrivate() : CacheControl.noCache();
    }

    /** Whether {@code If-None-Match} names the tile's ETag (strong or weak form). */
    static boolean matches(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals("W/" + etag));
    }

    private static ResponseEntity<byte[]> respond(TileService.Tile tile, CacheControl cache, HttpServletRequest request) {
        String etag = tile.key().etag();
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(cache).eTag(etag).build();
        }
        if (tile.bytes().length == 0) {
            return ResponseEntity.noContent().cacheControl(cache).eTag(etag).build();
        }
        return ResponseEntity.ok().cacheControl(cache).eTag(etag).contentType(MVT_TYPE).body(tile.bytes());
    }

    /**
     * The viewer of a tile request. With a share token (and no login) the share decides first
     * ({@link ShareAccess#openTile}: layer, area, time, PIN; logged); such a caller then sees what a
     * read-only viewer of every jurisdiction sees: counts, never single register entries.
     */
    private Viewer viewer(GridpatrolUser user, HttpServletRequest request, String layer, TileCoord coord) {
        if (user == null && request.getHeader(ShareAccess.TOKEN_HEADER) != null) {
            shares.openTile(request, layer, coord == null ? null : envelope(coord));
            return new Viewer("viewer", null);
        }
        return user == null ? Viewer.anonymous() : viewerOf(user);
    }

    /** The tile viewer a logged-in user is: its role and the jurisdiction it owns. */
    static Viewer viewerOf(GridpatrolUser user) {
        return new Viewer(user.role().code(), user.jurisdictionId());
    }

    /** West, south, east, north of a tile in WGS84. */
    static double[] envelope(TileCoord c) {
        double n = Math.pow(2, c.z());
        double west = c.x() / n * 360 - 180;
        double east = (c.x() + 1) / n * 360 - 180;
        double north = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * c.y() / n))));
        double south = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * (c.y() + 1) / n))));
        return new double[] {west, south, east, north};
    }

    private static TileCoord coord(String z, String x, String y) {
        return new TileCoord(coordinate("z", z), coordinate("x", x), coordinate("y", y));
    }

    private static int coordinate(String field, String value) {
        long n = number(field, value);
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + " " + value + " is outside the tile pyramid");
        }
        return (int) n;
    }

    private static long number(String field, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number, not '" + value + "'");
        }
    }
}
