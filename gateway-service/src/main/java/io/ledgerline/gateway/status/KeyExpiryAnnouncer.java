package io.ledgerline.gateway.status;

import io.ledgerline.contracts.gateway.KeyStatusChanged.KeyStatus;
import io.ledgerline.gateway.livekey.KeyRegistry;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Announces on {@code gateway.keys.v1} that a key expired. Admission refuses an expired key by
 * itself on every request; this only tells the other services. The event id is derived from the
 * key, so an announcement repeated after a restart is recognised as the same event.
 */
@Component
class KeyExpiryAnnouncer {

    private final KeyRegistry registry;
    private final KeyStatusPublisher publisher;
    private final Clock clock;
    private final Set<String> announced = ConcurrentHashMap.newKeySet();

    KeyExpiryAnnouncer(KeyRegistry registry, KeyStatusPublisher publisher, Clock clock) {
        this.registry = registry;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ledgerline.gateway.expiry-check-ms:10000}")
    public void announceExpired() {
        var now = clock.instant();
        for (var key : registry.all()) {
            var expiry = key.config().expiresAt();
            if (expiry != null
                    && !now.isBefore(expiry)
                    && !key.revoked()
                    && announced.add(key.keyId())) {
                publisher.publish(
                        key, KeyStatus.EXPIRED, "expired", "ks-" + key.keyId() + "-expired");
            }
        }
    }
}
