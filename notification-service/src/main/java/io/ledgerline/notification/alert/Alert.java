package io.ledgerline.notification.alert;

import io.ledgerline.contracts.money.Credits;

import java.time.Instant;

/**
 * One alert about one account. Its id is derived from the event that caused it, so the same
 * crossing seen twice is the same alert. {@code level} is the threshold crossed, {@code keyId} the
 * key of a key notice, {@code daysLeft} the forecast of a run-out alert, {@code reason} billing's
 * refusal code of a stopped auto top-up (null where none).
 */
public record Alert(
        String alertId,
        AlertKind kind,
        String accountId,
        String partnerId,
        Instant occurredAt,
        Credits balanceUcr,
        Credits levelUcr,
        String keyId,
        Long daysLeft,
        String reason) {

    public static String idOf(AlertKind kind, String eventId) {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + eventId;
    }
}
