package org.gridpatrol.web.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.gridpatrol.tiles.cache.TileCacheKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Built tiles by {@link TileCacheKey}: a bounded in-memory cache (Caffeine, weighed by the tile's
 * bytes, least recently/frequently used out first) and, for the layers named as disk layers (the
 * basemap, the same for everyone and costly to build), files under a folder that survive a restart.
 * An empty tile is cached as an empty array. {@link #evictBefore} drops one layer's entries older
 * than a version and leaves every other layer alone.
 */
public final class TileCache {

    private static final Logger LOG = LoggerFactory.getLogger(TileCache.class);
    /** Per-entry overhead beyond the bytes (key, map node), so millions of empty tiles stay bounded too. */
    private static final int ENTRY_OVERHEAD = 200;

    private final Cache<TileCacheKey, byte[]> memory;
    private final Path diskFolder;
    private final Set<String> diskLayers;

    /** @param diskFolder null for no disk cache */
    public TileCache(long maxBytes, Path diskFolder, Set<String> diskLayers) {
        // maintenance (eviction, buffer draining) on the calling thread: O(1) work, where the default
        // executor (the common fork-join pool) woke a second thread on every stored tile (ADR 0017)
        this.memory = Caffeine.newBuilder().maximumWeight(maxBytes).executor(Runnable::run)
                .weigher((TileCacheKey k, byte[] v) -> v.length + ENTRY_OVERHEAD).build();
        this.diskFolder = diskFolder;
        this.diskLayers = Set.copyOf(diskLayers);
    }

    /** The cached tile, from memory or disk; null when not cached. */
    public byte[] get(TileCacheKey key) {
        byte[] bytes = memory.getIfPresent(key);
        if (bytes == null && onDisk(key)) {
            Path file = diskFolder.resolve(key.relativePath());
            if (Files.isRegularFile(file)) {
                try {
                    bytes = Files.readAllBytes(file);
                    memory.put(key, bytes);
                } catch (IOException e) {
                    LOG.warn("cannot read cached tile {}: {}", file, e.getMessage());
                }
            }
        }
        return bytes;
    }

    public void put(TileCacheKey key, byte[] bytes) {
        memory.put(key, bytes);
        if (onDisk(key)) {
            Path file = diskFolder.resolve(key.relativePath());
            try {
                Files.createDirectories(file.getParent());
                Path temporary = Files.createTempFile(file.getParent(), ".tile", ".tmp");
                Files.write(temporary, bytes);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                LOG.warn("cannot store tile {} on disk: {}", file, e.getMessage());
            }
        }
    }

    /** Drops the entries of {@code layer} with a version below {@code version}, in memory and on disk. */
    public void evictBefore(String layer, long version) {
        memory.asMap().keySet().removeIf(k -> k.layer().equals(layer) && k.version() < version);
        if (diskFolder != null && diskLayers.contains(layer) && Files.isDirectory(diskFolder.resolve(layer))) {
            try (Stream<Path> versions = Files.list(diskFolder.resolve(layer))) {
                versions.filter(p -> p.getFileName().toString().matches("v\\d+")
                                && Long.parseLong(p.getFileName().toString().substring(1)) < version)
                        .forEach(TileCache::deleteRecursively);
            } catch (IOException e) {
                LOG.warn("cannot list cached tiles of {}: {}", layer, e.getMessage());
            }
        }
    }

    /** Empties the memory cache (the benchmark measures uncached tiles with it). */
    public void clearMemory() {
        memory.invalidateAll();
    }

    /** Entries in memory for one layer (for tests and the benchmark). */
    public long entries(String layer) {
        return memory.asMap().keySet().stream().filter(k -> k.layer().equals(layer)).count();
    }

    public boolean containsInMemory(TileCacheKey key) {
        return memory.getIfPresent(key) != null;
    }

    private boolean onDisk(TileCacheKey key) {
        return diskFolder != null && diskLayers.contains(key.layer());
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot delete old cached tiles in {}: {}", folder, e.getMessage());
        }
    }
}
