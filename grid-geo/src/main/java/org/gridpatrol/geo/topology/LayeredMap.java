package org.gridpatrol.geo.topology;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A map that reads through a small overlay of added or replaced entries to a shared base map, so
 * that a planning model with a few more blocks (a split) costs what those blocks cost instead of a
 * copy of a county's 50,000 entries. Entries are never removed. Deep chains of layers are folded
 * into one layer over the shared root map (cost: the overlays, not the root), and copied into one
 * {@link HashMap} only once the overlays hold more than 5 % of the entries, so reads stay a few hash
 * look-ups.
 *
 * <p>Not thread-safe for writes: a model writes its layer while it is built and only reads after.
 */
public final class LayeredMap<K, V> extends AbstractMap<K, V> {

    private static final int MAX_DEPTH = 8;

    private final Map<K, V> base;
    private final Map<K, V> overlay = new HashMap<>();
    private final int depth;
    /** Keys of the overlay that the base lacks: the size is the base's plus these. */
    private int newKeys;

    private LayeredMap(Map<K, V> base, int depth) {
        this.base = base;
        this.depth = depth;
    }

    /** A writable layer over {@code base}; {@code base} must not change afterwards. */
    public static <K, V> LayeredMap<K, V> over(Map<K, V> base) {
        if (base instanceof LayeredMap<K, V> layered) {
            boolean tooDeep = layered.depth + 1 > MAX_DEPTH;
            boolean tooLarge = layered.overlayEntries() > 1_000 && layered.overlayEntries() * 20L > layered.size();
            if (tooLarge) {
                return new LayeredMap<>(new HashMap<>(layered), 1); // rare: copy the whole map once
            }
            if (tooDeep) {
                // fold the overlays (small) into one layer over the shared root, without copying the root
                LayeredMap<K, V> folded = new LayeredMap<>(layered.root(), 1);
                layered.foldInto(folded);
                return new LayeredMap<>(folded, 2);
            }
            return new LayeredMap<>(layered, layered.depth + 1);
        }
        return new LayeredMap<>(base, 1);
    }

    /** The plain map at the bottom of the layers. */
    private Map<K, V> root() {
        return base instanceof LayeredMap<K, V> layered ? layered.root() : base;
    }

    /** Writes every overlay entry, oldest layer first, into {@code target}. */
    private void foldInto(LayeredMap<K, V> target) {
        if (base instanceof LayeredMap<K, V> layered) {
            layered.foldInto(target);
        }
        overlay.forEach(target::put);
    }

    private int overlayEntries() {
        int entries = overlay.size();
        return base instanceof LayeredMap<K, V> layered ? entries + layered.overlayEntries() : entries;
    }

    @Override
    public V get(Object key) {
        V value = overlay.get(key);
        return value != null || overlay.containsKey(key) ? value : base.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return overlay.containsKey(key) || base.containsKey(key);
    }

    @Override
    public V getOrDefault(Object key, V fallback) {
        V value = get(key);
        return value != null || containsKey(key) ? value : fallback;
    }

    @Override
    public V put(K key, V value) {
        boolean known = containsKey(key);
        V previous = get(key);
        overlay.put(key, value);
        if (!known) {
            newKeys++;
        }
        return previous;
    }

    @Override
    public int size() {
        return base.size() + newKeys;
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return LayeredMap.this.size();
            }

            @Override
            public Iterator<Entry<K, V>> iterator() {
                Iterator<Entry<K, V>> fromBase = base.entrySet().iterator();
                Iterator<Entry<K, V>> fromOverlay = overlay.entrySet().iterator();
                return new Iterator<>() {
                    private Entry<K, V> next = advance();

                    private Entry<K, V> advance() {
                        while (fromBase.hasNext()) {
                            Entry<K, V> e = fromBase.next();
                            if (!overlay.containsKey(e.getKey())) {
                                return e;
                            }
                        }
                        return fromOverlay.hasNext() ? fromOverlay.next() : null;
                    }

                    @Override
                    public boolean hasNext() {
                        return next != null;
                    }

                    @Override
                    public Entry<K, V> next() {
                        if (next == null) {
                            throw new NoSuchElementException();
                        }
                        Entry<K, V> current = next;
                        next = advance();
                        return current;
                    }
                };
            }
        };
    }
}
