package io.ledgerline.contracts.gateway;

import java.time.Instant;

/** A gateway key's status changed (created, suspended, resumed, revoked, expired, regenerated). */
public record KeyStatusChanged(
        String eventId,
        String keyId,
        String partnerId,
        String customerId,
        KeyKind kind,
        KeyStatus status,
        String reason,
        Instant occurredAt) {

    public enum KeyKind {
        PARTNER,
        CUSTOMER_SELF_SERVICE
    }

    public enum KeyStatus {
        ACTIVE,
        SUSPENDED,
        REVOKED,
        EXPIRED
    }
}
