package io.ledgerline.gateway.status;

import io.ledgerline.contracts.gateway.KeyStatusChanged.KeyStatus;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.gateway.livekey.KeyRegistry;
import io.ledgerline.gateway.projection.LedgerProjection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * R9: when a partner's available credits cross {@link PartnerReserve}'s minimum downwards its
 * self-service keys are suspended; upwards they come back. Admission reads the projection on every
 * request, so the change takes effect at once; this watcher announces it on {@code
 * gateway.keys.v1}, with event ids derived from the ledger event so a replay announces nothing new.
 */
@Component
class PartnerReserveWatcher implements LedgerProjection.Listener {

    private static final Logger log = LoggerFactory.getLogger(PartnerReserveWatcher.class);

    private final LedgerProjection projection;
    private final KeyRegistry registry;
    private final KeyStatusPublisher publisher;
    private final Map<String, Boolean> suspendedByPartner = new ConcurrentHashMap<>();

    PartnerReserveWatcher(
            LedgerProjection projection, KeyRegistry registry, KeyStatusPublisher publisher) {
        this.projection = projection;
        this.registry = registry;
        this.publisher = publisher;
        projection.addListener(this);
    }

    @Override
    public void applied(LedgerEvent event, Optional<String> partnerWhoseAvailableMoved) {
        partnerWhoseAvailableMoved.ifPresent(partnerId -> check(partnerId, event));
    }

    private void check(String partnerId, LedgerEvent cause) {
        var available = projection.partnerAvailable(partnerId);
        boolean suspended = PartnerReserve.tooLow(available);
        var before = suspendedByPartner.put(partnerId, suspended);
        if (before == null ? !suspended : before == suspended) {
            return;
        }
        var status = suspended ? KeyStatus.SUSPENDED : KeyStatus.ACTIVE;
        var reason =
                suspended
                        ? "partner reserve below "
                                + PartnerReserve.MINIMUM_CREDITS_TEXT
                                + " credits"
                        : "partner reserve restored";
        for (var key : registry.selfServiceKeysOf(partnerId)) {
            if (!key.revoked()) {
                publisher.publish(
                        key, status, reason, "ks-" + key.keyId() + "-" + cause.header().eventId());
            }
        }
        log.info("partner {} available {}: self-service keys {}", partnerId, available, status);
    }
}
