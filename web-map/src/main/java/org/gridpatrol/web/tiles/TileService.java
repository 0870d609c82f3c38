package org.gridpatrol.web.tiles;

import org.gridpatrol.data.tiles.TileQueries;
import org.gridpatrol.data.tiles.TileVersions;
import org.gridpatrol.tiles.cache.TileCacheKey;
import org.gridpatrol.tiles.coord.TileCoord;
import org.gridpatrol.tiles.layer.LayerDefinition;
import org.gridpatrol.tiles.layer.TileLayers;
import org.gridpatrol.tiles.privacy.LayerAccess;
import org.gridpatrol.tiles.privacy.PrivacyRules;
import org.gridpatrol.tiles.privacy.Viewer;
import org.gridpatrol.web.http.NotFoundException;
import org.springframework.security.access.AccessDeniedException;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves a tile: the layer's privacy rule for the viewer (403 when refused), then the cache, then
 * PostGIS. A versioned request is answered from the cache without touching the database; on a
 * miss one statement builds the tile and reads the layer's current version, and a request for an
 * older version is refused (its content can no longer be built). Whenever a newer version of a
 * layer is seen, that layer's older entries are evicted and no other layer's.
 *
 * <p>With a read replica (ADR 0038) a tile is built there when the replica shows at least the
 * version the request needs: the version in the URL, or for the current tile the newest version
 * this instance has seen (and so may have told a client through TileJSON, whose versions are always
 * read on the primary). A replica that is behind, has stale grid summaries or fails answers nothing:
 * the primary builds the tile. After a replica failure the replica is left alone for
 * {@link #REPLICA_PAUSE_MILLIS} ms, so a dead standby costs one connection timeout, not one per tile.
 */
public final class TileService {

    /** A built tile, the key it is cached under and whether its content depends on the viewer. */
    public record Tile(byte[] bytes, TileCacheKey key, boolean viewerDependent) {
    }

    /** What the replica did so far: tiles built there, sent to the primary for being behind, failures. */
    public record ReplicaReads(long served, long behind, long failed) {
    }

    static final long REPLICA_PAUSE_MILLIS = 10_000;

    private final TileQueries queries;
    private final TileQueries replica;
    private final LongAdder replicaServed = new LongAdder();
    private final LongAdder replicaBehind = new LongAdder();
    private final LongAdder replicaFailed = new LongAdder();
    private volatile long replicaPausedUntil;
    private final TileVersions versions;
    private final TileCache cache;
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final Map<String, Long> evictedUpTo = new ConcurrentHashMap<>();

    public TileService(TileQueries queries, TileVersions versions, TileCache cache) {
        this(queries, null, versions, cache);
    }

    /** @param replica tile queries on the read replica, or null for none */
    public TileService(TileQueries queries, TileQueries replica, TileVersions versions, TileCache cache) {
        this.queries = queries;
        this.replica = replica;
        this.versions = versions;
        this.cache = cache;
    }

    public static LayerDefinition layer(String name) {
        return TileLayers.find(name).orElseThrow(() -> new NotFoundException("no tile layer is called " + name
                + "; layers: " + TileLayers.all().stream().map(LayerDefinition::name).toList()));
    }

    /** @param version the version named in the URL, or null for the current one */
    public Tile tile(String layerName, Long version, TileCoord coord, Viewer viewer) {
        LayerDefinition layer = layer(layerName);
        LayerAccess access = PrivacyRules.access(layer, viewer, coord.z());
        if (!access.allowed()) {
            throw new AccessDeniedException(access.refusal());
        }
        boolean viewerDependent = !LayerAccess.SHARED.equals(access.rightsClass());
        if (version != null) {
            TileCacheKey key = new TileCacheKey(layer.name(), version, coord, access.rightsClass());
            byte[] cached = cache.get(key);
            if (cached != null) {
                return new Tile(cached, key, viewerDependent);
            }
        }
        if (version == null) {
            // the current version: cached when this JVM saw it built, else build and learn the version
            Long known = seen.get(layer.name());
            if (known != null) {
                TileCacheKey key = new TileCacheKey(layer.name(), known, coord, access.rightsClass());
                byte[] cached = cache.get(key);
                if (cached != null && known == versions.current(layer.name())) {
                    return new Tile(cached, key, viewerDependent);
                }
            }
        }
        // one statement gives the bytes and the version they show
        TileQueries.Rendered rendered = render(layer, coord, access, version != null ? version : seen.get(layer.name()));
        observe(layer.name(), rendered.version());
        if (version != null && version != rendered.version()) {
            throw new NotFoundException("version " + version + " of layer " + layer.name() + " is gone, the current one is "
                    + rendered.version() + ": reload /tiles/" + layer.name() + ".json");
        }
        TileCacheKey key = new TileCacheKey(layer.name(), rendered.version(), coord, access.rightsClass());
        cache.put(key, rendered.bytes());
        return new Tile(rendered.bytes(), key, viewerDependent);
    }

    /** On the replica when it shows at least {@code needed} (null: any version), else on the primary. */
    private TileQueries.Rendered render(LayerDefinition layer, TileCoord coord, LayerAccess access, Long needed) {
        if (replica != null && System.currentTimeMillis() >= replicaPausedUntil) {
            try {
                Optional<TileQueries.Rendered> there = replica.renderReadOnly(layer, coord, access);
                if (there.isPresent() && (needed == null || there.get().version() >= needed)) {
                    replicaServed.increment();
                    return there.get();
                }
                replicaBehind.increment();
            } catch (RuntimeException unavailable) {
                // a standby that is down, restarting or cancelling queries in conflict with replay
                replicaFailed.increment();
                replicaPausedUntil = System.currentTimeMillis() + REPLICA_PAUSE_MILLIS;
            }
        }
        return queries.render(layer, coord, access);
    }

    public ReplicaReads replicaReads() {
        return new ReplicaReads(replicaServed.sum(), replicaBehind.sum(), replicaFailed.sum());
    }

    /** Every layer's current version, evicting older entries of the layers that moved. */
    public Map<String, Long> currentVersions() {
        Map<String, Long> current = versions.current();
        current.forEach(this::observe);
        return current;
    }

    /** Notes a layer's version; a newer one than seen before evicts the layer's older tiles. */
    private void observe(String layer, long version) {
        Long before = seen.merge(layer, version, Math::max);
        if (before == version) {
            Long previous = evictedUpTo.put(layer, version);
            if (previous == null || previous < version) {
                cache.evictBefore(layer, version);
            }
        }
    }

    public long currentVersion(String layer) {
        return currentVersions().getOrDefault(layer, 1L);
    }

    public double[] bounds() {
        return queries.bounds();
    }

    public TileCache cache() {
        return cache;
    }
}
