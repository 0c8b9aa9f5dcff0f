package io.ledgerline.websecurity.edge;

import java.util.HashMap;
import java.util.Map;

/**
 * How many bytes a request body may hold: one limit for every endpoint, and larger ones for the few
 * paths that take more (a ledger batch). A service that needs those declares this as a bean;
 * without one, {@link ServletEdges} applies {@code ledgerline.http.max-body-bytes} everywhere.
 */
public record BodyLimits(long defaultBytes, Map<String, Long> largerByPath) {

    public BodyLimits {
        if (defaultBytes <= 0) {
            throw new IllegalArgumentException("a body limit must be positive: " + defaultBytes);
        }
        largerByPath = Map.copyOf(largerByPath);
    }

    public static BodyLimits of(long defaultBytes) {
        return new BodyLimits(defaultBytes, Map.of());
    }

    /** The same limits, with {@code path} (an exact request URI) taking up to {@code bytes}. */
    public BodyLimits with(String path, long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("a body limit must be positive: " + bytes);
        }
        var larger = new HashMap<>(largerByPath);
        larger.put(path, bytes);
        return new BodyLimits(defaultBytes, larger);
    }

    public long limitFor(String requestUri) {
        return largerByPath.getOrDefault(requestUri, defaultBytes);
    }
}
