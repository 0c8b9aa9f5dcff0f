package io.ledgerline.gateway.key;

import io.ledgerline.gateway.admission.Wallets;
import io.ledgerline.gateway.projection.LedgerProjection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
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
    private final Wallets wallets;
    private final LedgerProjection projection;
    private final Map<String, Object> flushed = new HashMap<>();

    public KeyBootstrap(
            KeyRepository keys,
            KeyRegistry registry,
            Wallets wallets,
            LedgerProjection projection,
            Clock clock) {
        this.keys = keys;
        this.registry = registry;
        this.wallets = wallets;
        this.projection = projection;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var byKey = new HashMap<String, LiveKey>();
        for (var stored : keys.all()) {
            var config = stored.config();
            var wallet = config.isSelfService() ? wallets.of(config.customerId()) : null;
            var live =
                    new LiveKey(
                            config,
                            stored.secretSha256(),
                            wallet,
                            stored.lastUsedAt(),
                            stored.charged());
            if (stored.status() == KeyStatus.REVOKED) {
                live.markRevoked();
            }
            byKey.put(config.keyId(), live);
        }
        for (var reservation : keys.reservations()) {
            var live = byKey.get(reservation.keyId());
            var budget = KeyService.BUDGET.equals(reservation.kind());
            var pot =
                    budget
                            ? KeyService.budgetPot(
                                    live,
                                    reservation.reservationId(),
                                    reservation.amount(),
                                    projection)
                            : null;
            live.addFunding(
                    new LiveKey.Funding(
                            reservation.reservationId(),
                            reservation.amount(),
                            reservation.fee(),
                            reservation.kind()),
                    pot);
        }
        keys.autoTopUps()
                .forEach(
                        (keyId, state) -> {
                            var live = byKey.get(keyId);
                            if (live != null) {
                                live.autoTopUpState(state);
                            }
                        });
        byKey.values().forEach(registry::register);
        log.info("loaded {} gateway keys", byKey.size());
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
