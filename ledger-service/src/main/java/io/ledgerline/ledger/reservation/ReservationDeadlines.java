package io.ledgerline.ledger.reservation;

import io.ledgerline.contracts.ledger.AccountId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The deadlines of open reservations, kept beside the events so expiry survives restarts. */
@Component
public class ReservationDeadlines {

    public static final int MAX_EXPIRED_PER_SCAN = 500;

    private final JdbcTemplate jdbc;

    public ReservationDeadlines(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Deadline(AccountId accountId, String reservationId) {}

    public void add(AccountId accountId, String reservationId, Instant expiresAt) {
        jdbc.update(
                "INSERT INTO reservation_deadline (account_id, reservation_id, expires_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                accountId.value(),
                reservationId,
                Timestamp.from(expiresAt));
    }

    public void remove(AccountId accountId, String reservationId) {
        jdbc.update(
                "DELETE FROM reservation_deadline WHERE account_id = ? AND reservation_id = ?",
                accountId.value(),
                reservationId);
    }

    public List<Deadline> passedAt(Instant instant) {
        return jdbc.query(
                "SELECT account_id, reservation_id FROM reservation_deadline WHERE expires_at <= ?"
                        + " ORDER BY expires_at LIMIT "
                        + MAX_EXPIRED_PER_SCAN,
                (row, n) -> new Deadline(AccountId.of(row.getString(1)), row.getString(2)),
                Timestamp.from(instant));
    }
}
