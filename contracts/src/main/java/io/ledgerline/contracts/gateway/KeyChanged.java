package io.ledgerline.contracts.gateway;

import java.time.Instant;

/**
 * A gateway key's stored row changed (topic {@code gateway.key-changes.v1}): every gateway instance
 * reloads that key from the gateway's database. The event names the key and what happened, nothing
 * else; the row is the truth, so a late or repeated event is harmless. Never carries the secret.
 */
public record KeyChanged(
        String eventId, String keyId, String partnerId, Change change, Instant occurredAt) {

    public enum Change {
        CREATED,
        TOPPED_UP,
        AUTO_TOPPED_UP,
        REGENERATED,
        REVOKED
    }
}
