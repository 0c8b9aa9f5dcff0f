package io.ledgerline.gateway.livekey;

import io.ledgerline.gateway.budget.InstanceShare;
import io.ledgerline.gateway.budget.Wallets;
import io.ledgerline.gateway.projection.LedgerProjection;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Brings keys from the gateway's schema (shared by every gateway instance) into this instance's
 * {@link KeyRegistry}: all of them at start and on a resync, one when another instance announces a
 * change, and one before a management call works on it. A key already in memory is merged, never
 * replaced, so the holds of requests in flight stay on the pots they were taken from: new
 * reservations are added, a revocation and a new secret are taken over, the auto top-up state if
 * the stored one is further on. Idempotent: loading the same row twice changes nothing.
 */
@Component
public class KeyLoader {

    private final KeyRepository keys;
    private final KeyRegistry registry;
    private final Wallets wallets;
    private final LedgerProjection projection;
    private final int instances;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public KeyLoader(
            KeyRepository keys,
            KeyRegistry registry,
            Wallets wallets,
            LedgerProjection projection,
            InstanceShare share) {
        this.keys = keys;
        this.registry = registry;
        this.wallets = wallets;
        this.projection = projection;
        this.instances = share.instances();
    }

    /** The key as stored now (merged into memory), or null when no such key is stored. */
    public LiveKey reload(String keyId) {
        return exclusively(
                keyId,
                () -> {
                    // The auto top-up row first: a trigger's funding row is written with (or
                    // before)
                    // its finished state, so the reservations read next include it.
                    var autoTopUp = keys.autoTopUpOf(keyId).orElse(AutoTopUpState.NONE);
                    var stored = keys.find(keyId).orElse(null);
                    if (stored == null) {
                        return registry.byId(keyId);
                    }
                    return merge(stored, keys.reservationsOf(keyId), autoTopUp);
                });
    }

    /** Every stored key; at start, and periodically as a net under missed notifications. */
    public int reloadAll() {
        var autoTopUps = keys.autoTopUps();
        var reservations = new HashMap<String, List<KeyRepository.StoredReservation>>();
        for (var reservation : keys.reservations()) {
            reservations
                    .computeIfAbsent(reservation.keyId(), id -> new ArrayList<>())
                    .add(reservation);
        }
        var loaded = 0;
        for (var stored : keys.all()) {
            var keyId = stored.config().keyId();
            exclusively(
                    keyId,
                    () ->
                            merge(
                                    stored,
                                    reservations.getOrDefault(keyId, List.of()),
                                    autoTopUps.getOrDefault(keyId, AutoTopUpState.NONE)));
            loaded++;
        }
        return loaded;
    }

    /**
     * Runs {@code write} while no reload of that key runs on this instance: a write that changes a
     * key's row and then its memory (a new secret) cannot be undone by a reload that read the row
     * just before. Keep ledger calls outside: a reload waits for it.
     */
    public <T> T exclusively(String keyId, Supplier<T> write) {
        synchronized (locks.computeIfAbsent(keyId, id -> new Object())) {
            return write.get();
        }
    }

    private LiveKey merge(
            KeyRepository.StoredKey stored,
            List<KeyRepository.StoredReservation> reservations,
            AutoTopUpState autoTopUp) {
        var live = registry.byId(stored.config().keyId());
        if (live == null) {
            live = registry.registerIfAbsent(fresh(stored));
        }
        if (!Arrays.equals(live.secretSha256(), stored.secretSha256())) {
            registry.replaceSecret(live, stored.secretSha256(), stored.config().secretPrefix());
        }
        if (stored.status() == KeyStatus.REVOKED && !live.revoked()) {
            live.markRevoked();
        }
        for (var reservation : reservations) {
            if (!live.hasFunding(reservation.reservationId())) {
                var funding =
                        new LiveKey.Funding(
                                reservation.reservationId(),
                                reservation.amount(),
                                reservation.fee(),
                                reservation.kind());
                var pot =
                        funding.isBudget()
                                ? live.budgetPot(
                                        funding.reservationId(),
                                        funding.amount(),
                                        projection,
                                        instances)
                                : null;
                live.addFunding(funding, pot);
            }
        }
        if (furtherOn(autoTopUp, live.autoTopUpState())) {
            live.autoTopUpState(autoTopUp);
        }
        return live;
    }

    private LiveKey fresh(KeyRepository.StoredKey stored) {
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
        return live;
    }

    /** Triggers are numbered; within one, a finished state follows the attempts before it. */
    static boolean furtherOn(AutoTopUpState stored, AutoTopUpState inMemory) {
        if (stored.sequence() != inMemory.sequence()) {
            return stored.sequence() > inMemory.sequence();
        }
        if (stored.pending() != inMemory.pending()) {
            return !stored.pending();
        }
        return later(stored.lastAttemptAt(), inMemory.lastAttemptAt())
                || stored.consecutiveFailures() > inMemory.consecutiveFailures();
    }

    private static boolean later(Instant a, Instant b) {
        return a != null && (b == null || a.isAfter(b));
    }
}
