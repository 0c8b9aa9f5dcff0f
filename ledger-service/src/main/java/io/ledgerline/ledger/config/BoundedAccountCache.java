package io.ledgerline.ledger.config;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Keeps the most recently used accounts in memory, strongly held and at most {@code maxEntries}.
 * Axon's {@code WeakReferenceCache} loses its entries at every garbage collection, so under load
 * the writer re-sourced accounts from the event store instead of appending; this cache keeps them
 * until they are the least recently used.
 */
final class BoundedAccountCache implements Cache {

    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Object, Object> entries;

    BoundedAccountCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
        }
        this.entries =
                new LinkedHashMap<>(Math.min(maxEntries, 1 << 16), 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                        if (size() <= maxEntries) {
                            return false;
                        }
                        listeners.forEach(listener -> listener.onEntryExpired(eldest.getKey()));
                        return true;
                    }
                };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public synchronized void put(Object key, Object value) {
        var previous = entries.put(key, value);
        listeners.forEach(
                listener -> {
                    if (previous == null) {
                        listener.onEntryCreated(key, value);
                    } else {
                        listener.onEntryUpdated(key, value);
                    }
                });
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (entries.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        var existing = entries.get(key);
        if (existing != null) {
            return (T) existing;
        }
        var created = valueSupplier.get();
        put(key, created);
        return created;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        var existing = entries.get(key);
        if (existing == null) {
            return;
        }
        var updated = update.apply((V) existing);
        if (updated == null) {
            remove(key);
        } else {
            put(key, updated);
        }
    }

    @Override
    public synchronized boolean remove(Object key) {
        var removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public synchronized void removeAll() {
        List.copyOf(entries.keySet()).forEach(this::remove);
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    public synchronized int size() {
        return entries.size();
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
