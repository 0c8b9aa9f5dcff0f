package io.ledgerline.ledger.reservation;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.contracts.ledger.command.ReleaseReservation;
import io.ledgerline.contracts.ledger.command.ReserveCredits;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The deadlines of open reservations, kept beside the events so expiry survives restarts. */
@Component
public class ReservationDeadlines {

    static final int MAX_EXPIRED_PER_SCAN = 500;

    private final JdbcTemplate jdbc;

    ReservationDeadlines(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Deadline(AccountId accountId, String reservationId) {}

    /**
     * Keeps the deadlines in step with a command its account has just posted: a reservation with a
     * timeout gains one, a released reservation loses its own. Called in the transaction that
     * appends the command's event, so a deadline and its reservation commit together.
     */
    public void track(LedgerCommand posted) {
        if (posted instanceof ReserveCredits reserve && reserve.timeoutSeconds() > 0) {
            add(
                    reserve.accountId(),
                    reserve.reservationId(),
                    Instant.now().plusSeconds(reserve.timeoutSeconds()));
        } else if (posted instanceof ReleaseReservation release) {
            remove(release.accountId(), release.reservationId());
        }
    }

    void add(AccountId accountId, String reservationId, Instant expiresAt) {
        jdbc.update(
                "INSERT INTO reservation_deadline (account_id, reservation_id, expires_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                accountId.value(),
                reservationId,
                Timestamp.from(expiresAt));
    }

    void remove(AccountId accountId, String reservationId) {
        jdbc.update(
                "DELETE FROM reservation_deadline WHERE account_id = ? AND reservation_id = ?",
                accountId.value(),
                reservationId);
    }

    List<Deadline> passedAt(Instant instant) {
        return jdbc.query(
                "SELECT account_id, reservation_id FROM reservation_deadline WHERE expires_at <= ?"
                        + " ORDER BY expires_at LIMIT "
                        + MAX_EXPIRED_PER_SCAN,
                (row, n) -> new Deadline(AccountId.of(row.getString(1)), row.getString(2)),
                Timestamp.from(instant));
    }
}
