package io.ledgerline.gateway.livekey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Loads every key into the registry before the gateway serves, and writes "last used" and charged
 * figures back every few seconds, so the request path never touches the database.
 */
@Component
public class KeyBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(KeyBootstrap.class);

    private final KeyRepository keys;
    private final KeyRegistry registry;
    private final KeyLoader loader;
    private final Map<String, Object> flushed = new HashMap<>();

    public KeyBootstrap(KeyRepository keys, KeyRegistry registry, KeyLoader loader) {
        this.keys = keys;
        this.registry = registry;
        this.loader = loader;
    }

    @Override
    public void afterSingletonsInstantiated() {
        log.info("loaded {} gateway keys", loader.reloadAll());
    }

    @Scheduled(fixedDelayString = "${ledgerline.gateway.usage-flush-ms:5000}")
    public void flushUse() {
        for (var live : registry.all()) {
            var figures = java.util.List.of(String.valueOf(live.lastUsedAt()), live.charged());
            if (live.lastUsedAt() != null && !figures.equals(flushed.get(live.keyId()))) {
                keys.recordUse(live.keyId(), live.lastUsedAt(), live.charged());
                flushed.put(live.keyId(), figures);
            }
        }
    }
}
