package io.ledgerline.notification.outbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The outbox table: deliveries waiting, claimed, sent or failed. */
@Repository
class Outbox {

    /** Errors are kept short in the delivery log. */
    static final int MAX_ERROR_LENGTH = 300;

    record Due(
            String deliveryId,
            Channel channel,
            String alertId,
            String target,
            String endpointId,
            String payload,
            int attempts,
            Instant deadlineAt) {}

    private final JdbcTemplate jdbc;

    Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a delivery once: the same delivery id again is ignored. */
    void enqueue(
            String deliveryId,
            Channel channel,
            String alertId,
            String target,
            String endpointId,
            String payload,
            Instant now,
            Instant deadline) {
        jdbc.update(
                "INSERT INTO outbox (delivery_id, channel, alert_id, target, endpoint_id, payload,"
                        + " status, next_attempt_at, deadline_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?::jsonb, 'PENDING', ?, ?, ?)"
                        + " ON CONFLICT (delivery_id) DO NOTHING",
                deliveryId,
                channel.name(),
                alertId,
                target,
                endpointId,
                payload,
                Timestamp.from(now),
                Timestamp.from(deadline),
                Timestamp.from(now));
    }

    /**
     * Claims due deliveries by pushing their next attempt a lease ahead, so another instance (or
     * this one after a crash) takes them again only once the lease has passed.
     */
    List<Due> claim(int limit, Instant now, Instant leaseUntil) {
        return jdbc.query(
                "UPDATE outbox SET next_attempt_at = ?, attempts = attempts + 1"
                        + " WHERE delivery_id IN (SELECT delivery_id FROM outbox"
                        + " WHERE status = 'PENDING' AND next_attempt_at <= ?"
                        + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)"
                        + " RETURNING delivery_id, channel, alert_id, target, endpoint_id,"
                        + " payload::text AS payload, attempts, deadline_at",
                (rs, i) ->
                        new Due(
                                rs.getString("delivery_id"),
                                Channel.valueOf(rs.getString("channel")),
                                rs.getString("alert_id"),
                                rs.getString("target"),
                                rs.getString("endpoint_id"),
                                rs.getString("payload"),
                                rs.getInt("attempts"),
                                rs.getTimestamp("deadline_at").toInstant()),
                Timestamp.from(leaseUntil),
                Timestamp.from(now),
                limit);
    }

    void sent(Due due, Integer statusCode, Instant now) {
        jdbc.update(
                "UPDATE outbox SET status = 'SENT', sent_at = ?, last_status_code = ?,"
                        + " last_error = NULL WHERE delivery_id = ?",
                Timestamp.from(now),
                statusCode,
                due.deliveryId());
        logAttempt(due, statusCode, null, now);
    }

    void retryAt(Due due, Instant next, Integer statusCode, String error, Instant now) {
        jdbc.update(
                "UPDATE outbox SET next_attempt_at = ?, last_status_code = ?, last_error = ?"
                        + " WHERE delivery_id = ?",
                Timestamp.from(next),
                statusCode,
                shorten(error),
                due.deliveryId());
        logAttempt(due, statusCode, error, now);
    }

    void failed(Due due, Integer statusCode, String error, Instant now) {
        jdbc.update(
                "UPDATE outbox SET status = 'FAILED', last_status_code = ?, last_error = ?"
                        + " WHERE delivery_id = ?",
                statusCode,
                shorten(error),
                due.deliveryId());
        logAttempt(due, statusCode, error, now);
    }

    private void logAttempt(Due due, Integer statusCode, String error, Instant now) {
        jdbc.update(
                "INSERT INTO delivery_attempts (delivery_id, attempt, status_code, error, at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                due.deliveryId(),
                due.attempts(),
                statusCode,
                shorten(error),
                Timestamp.from(now));
    }

    private static String shorten(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH
                ? error
                : error.substring(0, MAX_ERROR_LENGTH);
    }
}
