package io.ledgerline.billing.payments.builtin;

import io.ledgerline.billing.payments.StripeStyleEvents;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The built-in provider's events: written with the change they announce, delivered later. */
@Repository
class BuiltInEvents {

    /** A delivery in flight is not handed to another sender before this. */
    private static final Duration LEASE = Duration.ofSeconds(30);

    private static final Duration LONGEST_BACK_OFF = Duration.ofHours(1);

    record Due(String eventId, String payload, int attempts, Timestamp createdAt) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    BuiltInEvents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an event about a payment intent, due for delivery now; answers its id. */
    String paymentIntentEvent(
            String type,
            String intentId,
            long amountCents,
            String status,
            String reference,
            String failureCode) {
        var eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        var now = clock.instant();
        var payload =
                StripeStyleEvents.paymentIntentEvent(
                        eventId, type, now, intentId, amountCents, status, reference, failureCode);
        jdbc.update(
                "INSERT INTO billing.provider_events (event_id, type, payload, created_at,"
                        + " next_attempt_at) VALUES (?, ?, ?, ?, ?)",
                eventId,
                type,
                payload,
                Timestamp.from(now),
                Timestamp.from(now));
        return eventId;
    }

    /** Records an event about a refund or dispute of an intent, due now; answers its id. */
    String reversalEvent(
            String type, String objectType, String objectId, String intentId, long amountCents) {
        var eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        var now = clock.instant();
        var payload =
                StripeStyleEvents.reversalEvent(
                        eventId, type, now, objectType, objectId, intentId, amountCents);
        jdbc.update(
                "INSERT INTO billing.provider_events (event_id, type, payload, created_at,"
                        + " next_attempt_at) VALUES (?, ?, ?, ?, ?)",
                eventId,
                type,
                payload,
                Timestamp.from(now),
                Timestamp.from(now));
        return eventId;
    }

    /** Claims up to {@code limit} due events for one sender; each is leased, not yet delivered. */
    List<Due> claimDue(int limit) {
        var now = clock.instant();
        return jdbc
                .query(
                        "UPDATE billing.provider_events SET next_attempt_at = ?, attempts = attempts + 1"
                                + " WHERE event_id IN (SELECT event_id FROM billing.provider_events"
                                + " WHERE delivered_at IS NULL AND next_attempt_at <= ?"
                                + " ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)"
                                + " RETURNING event_id, payload, attempts, created_at",
                        (rs, i) ->
                                new Due(
                                        rs.getString("event_id"),
                                        rs.getString("payload"),
                                        rs.getInt("attempts"),
                                        rs.getTimestamp("created_at")),
                        Timestamp.from(now.plus(LEASE)),
                        Timestamp.from(now),
                        limit)
                .stream()
                .sorted(Comparator.comparing(Due::createdAt))
                .toList();
    }

    void delivered(String eventId) {
        jdbc.update(
                "UPDATE billing.provider_events SET delivered_at = ? WHERE event_id = ?",
                Timestamp.from(clock.instant()),
                eventId);
    }

    /** Tries again after 2^attempts seconds, at most an hour, as providers back off. */
    void failed(String eventId, int attempts) {
        var backOff = Duration.ofSeconds(1L << Math.min(attempts, 12));
        if (backOff.compareTo(LONGEST_BACK_OFF) > 0) {
            backOff = LONGEST_BACK_OFF;
        }
        jdbc.update(
                "UPDATE billing.provider_events SET next_attempt_at = ? WHERE event_id = ?",
                Timestamp.from(clock.instant().plus(backOff)),
                eventId);
    }

    /** Delivers the event again, now, whether or not it was delivered; false when unknown. */
    boolean redeliver(String eventId) {
        return jdbc.update(
                        "UPDATE billing.provider_events SET delivered_at = NULL,"
                                + " next_attempt_at = ? WHERE event_id = ?",
                        Timestamp.from(clock.instant()),
                        eventId)
                == 1;
    }
}
