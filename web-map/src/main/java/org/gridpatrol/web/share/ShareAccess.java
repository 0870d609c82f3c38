package org.gridpatrol.web.share;

import jakarta.servlet.http.HttpServletRequest;
import org.gridpatrol.data.share.ShareRecord;
import org.gridpatrol.data.share.Shares;
import org.gridpatrol.web.security.LoginThrottle;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Decides every request made with a share token (header {@code X-Share-Token}, PIN in
 * {@code X-Share-Pin}): the share must exist, be neither revoked nor expired, the PIN must match
 * when one is set, and the layer asked for must be one of the share's; otherwise 403. Every
 * decision about a known share is written to {@code share_access} (time, share, address, path
 * without the token, status). Wrong PINs are throttled per share and address (5 in 15 minutes).
 * Share callers never see personal fields: the data they reach ({@link Shares}) holds none.
 */
@Component
public class ShareAccess {

    public static final String TOKEN_HEADER = "X-Share-Token";
    public static final String PIN_HEADER = "X-Share-Pin";

    private final Shares store;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final LoginThrottle pins;

    public ShareAccess(Shares store, PasswordEncoder encoder) {
        this.store = store;
        this.encoder = encoder;
        this.clock = Clock.systemUTC();
        this.pins = new LoginThrottle(new LoginThrottle.Limits(5, 50, Duration.ofMinutes(15)), clock);
    }

    /** The open share the request's token names, allowed to show {@code layer} (null: no particular layer). */
    public ShareRecord open(HttpServletRequest request, ShareLayer layer) {
        return open(request, layer, share -> { });
    }

    /** {@link #open} for a place: the envelope (WGS84) must meet the share's area, else 403 (logged). */
    public ShareRecord open(HttpServletRequest request, ShareLayer layer, double west, double south, double east, double north) {
        return open(request, layer, share -> requireInArea(share, west, south, east, north));
    }

    /**
     * {@link #open} for a vector tile of {@code tileLayer} (null envelope: the TileJSON); 403 for tile layers
     * no share opens ({@link ShareLayer#forTileLayer}).
     */
    public ShareRecord openTile(HttpServletRequest request, String tileLayer, double[] envelope) {
        ShareLayer layer = ShareLayer.forTileLayer(tileLayer);
        return open(request, layer, share -> {
            if (layer == null) {
                throw new ShareRefusedException("the tile layer " + tileLayer + " is not open to shares", false);
            }
            if (envelope != null) {
                requireInArea(share, envelope[0], envelope[1], envelope[2], envelope[3]);
            }
        });
    }

    private ShareRecord open(HttpServletRequest request, ShareLayer layer, java.util.function.Consumer<ShareRecord> more) {
        String token = request.getHeader(TOKEN_HEADER);
        if (!ShareToken.wellFormed(token)) {
            throw new ShareRefusedException("this request needs a valid share token in the " + TOKEN_HEADER + " header", false);
        }
        ShareRecord share = store.findByTokenSha256(ShareToken.sha256(token))
                .orElseThrow(() -> new ShareRefusedException("no share has this token", false));
        String resource = request.getMethod() + " " + request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        int status = 403;
        try {
            check(share, request, layer);
            more.accept(share);
            status = 200;
            return share;
        } catch (TooManyPinAttemptsException e) {
            status = 429;
            throw e;
        } finally {
            store.logAccess(share.id(), request.getRemoteAddr(), resource, status);
        }
    }

    /** Like {@link #open} for a token from the page's path: logs the page being opened; empty when the token names no share. */
    public Optional<ShareRecord> pageOpened(String token, HttpServletRequest request) {
        if (!ShareToken.wellFormed(token)) {
            return Optional.empty();
        }
        Optional<ShareRecord> share = store.findByTokenSha256(ShareToken.sha256(token));
        share.ifPresent(s -> store.logAccess(s.id(), request.getRemoteAddr(), "GET /share/{token}",
                s.openAt(OffsetDateTime.now(clock)) ? 200 : 403));
        return share;
    }

    /** @throws ShareRefusedException unless the envelope meets the share's area */
    private void requireInArea(ShareRecord share, double west, double south, double east, double north) {
        if (!store.meetsArea(share.id(), west, south, east, north)) {
            throw new ShareRefusedException("[" + west + ", " + south + ", " + east + ", " + north
                    + "] lies outside the shared area", false);
        }
    }

    private void check(ShareRecord share, HttpServletRequest request, ShareLayer layer) {
        if (share.revokedAt() != null) {
            throw new ShareRefusedException("this share was revoked at " + share.revokedAt(), false);
        }
        if (!OffsetDateTime.now(clock).isBefore(share.expiresAt())) {
            throw new ShareRefusedException("this share expired at " + share.expiresAt(), false);
        }
        if (share.pinRequired()) {
            String key = "share-" + share.id() + "@" + request.getRemoteAddr();
            Optional<Duration> wait = pins.refusedFor(key, request.getRemoteAddr());
            if (wait.isPresent()) {
                throw new TooManyPinAttemptsException(wait.get());
            }
            String pin = request.getHeader(PIN_HEADER);
            if (pin == null || pin.isEmpty()) {
                throw new ShareRefusedException("this share needs its PIN (header " + PIN_HEADER + ")", true);
            }
            if (!encoder.matches(pin, share.pinHash())) {
                pins.failed(key, request.getRemoteAddr());
                throw new ShareRefusedException("wrong PIN for this share", true);
            }
            pins.succeeded(key);
        }
        if (layer != null && !share.layers().contains(layer.code())) {
            throw new ShareRefusedException("this share does not include the layer " + layer.code()
                    + " (it has " + String.join(", ", share.layers()) + ")", false);
        }
    }
}
