package io.ledgerline.notification.webhook;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** An endpoint's delivery log (its rows of the outbox with every attempt) and replay. */
@Repository
class WebhookDeliveries {

    record Attempt(int attempt, Integer statusCode, String error, Instant at) {}

    record Delivery(
            String deliveryId,
            String alertId,
            String status,
            int attempts,
            Integer lastStatusCode,
            String lastError,
            Instant createdAt,
            Instant sentAt,
            List<Attempt> log) {}

    private final JdbcTemplate jdbc;
    private final long retryWindowMs;

    WebhookDeliveries(
            JdbcTemplate jdbc,
            @Value("${ledgerline.notification.delivery.retry-window-ms}") long retryWindowMs) {
        this.jdbc = jdbc;
        this.retryWindowMs = retryWindowMs;
    }

    List<Delivery> newestFirst(String endpointId, int limit) {
        return jdbc.query(
                "SELECT * FROM outbox WHERE endpoint_id = ? ORDER BY created_at DESC,"
                        + " delivery_id LIMIT ?",
                (rs, i) ->
                        new Delivery(
                                rs.getString("delivery_id"),
                                rs.getString("alert_id"),
                                rs.getString("status"),
                                rs.getInt("attempts"),
                                (Integer) rs.getObject("last_status_code"),
                                rs.getString("last_error"),
                                rs.getTimestamp("created_at").toInstant(),
                                rs.getTimestamp("sent_at") == null
                                        ? null
                                        : rs.getTimestamp("sent_at").toInstant(),
                                attempts(rs.getString("delivery_id"))),
                endpointId,
                limit);
    }

    private List<Attempt> attempts(String deliveryId) {
        return jdbc.query(
                "SELECT * FROM delivery_attempts WHERE delivery_id = ? ORDER BY attempt",
                (rs, i) ->
                        new Attempt(
                                rs.getInt("attempt"),
                                (Integer) rs.getObject("status_code"),
                                rs.getString("error"),
                                rs.getTimestamp("at").toInstant()),
                deliveryId);
    }

    /** Queues the delivery again, whatever its state, with a fresh retry window. */
    boolean replay(String endpointId, String deliveryId, Instant now) {
        return jdbc.update(
                        "UPDATE outbox SET status = 'PENDING', next_attempt_at = ?,"
                                + " deadline_at = ?, sent_at = NULL"
                                + " WHERE endpoint_id = ? AND delivery_id = ?",
                        Timestamp.from(now),
                        Timestamp.from(now.plusMillis(retryWindowMs)),
                        endpointId,
                        deliveryId)
                == 1;
    }
}
