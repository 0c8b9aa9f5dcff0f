package io.ledgerline.billing.autotopup;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The auto top-up tables: balances, settings and charges. */
@Repository
class AutoTopUpStore {

    /** Charges listed with a customer's settings, newest first. */
    static final int RECENT_CHARGES = 20;

    /** Settings listed for a partner at most. */
    static final int MAX_LISTED = 500;

    /** A customer's spendable AI-credit balance as billing folded it, and its last sequence. */
    record Balance(long sequence, long balanceUcr) {}

    /** Settings as stored. */
    record Settings(
            String customerId,
            String partnerId,
            long thresholdUcr,
            String planId,
            AutoTopUp.Status status,
            String failureCode,
            Instant updatedAt) {}

    private static final RowMapper<Settings> SETTINGS =
            (rs, i) ->
                    new Settings(
                            rs.getString("customer_id"),
                            rs.getString("partner_id"),
                            rs.getLong("threshold_ucr"),
                            rs.getString("plan_id"),
                            AutoTopUp.Status.valueOf(rs.getString("status")),
                            rs.getString("failure_code"),
                            rs.getTimestamp("updated_at").toInstant());

    private static final RowMapper<TopUpCharge> CHARGE =
            (rs, i) ->
                    new TopUpCharge(
                            rs.getString("charge_id"),
                            rs.getString("customer_id"),
                            rs.getString("partner_id"),
                            rs.getString("plan_id"),
                            rs.getString("crossing_event_id"),
                            rs.getLong("balance_ucr"),
                            rs.getLong("threshold_ucr"),
                            TopUpCharge.Status.valueOf(rs.getString("status")),
                            rs.getInt("attempts"),
                            rs.getString("purchase_id"),
                            rs.getString("failure_code"),
                            rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;

    AutoTopUpStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the event id is new; it stays taken once the transaction commits. */
    boolean firstTimeSeen(String eventId) {
        return jdbc.update(
                        "INSERT INTO billing.balance_watch_events (event_id) VALUES (?)"
                                + " ON CONFLICT DO NOTHING",
                        eventId)
                == 1;
    }

    Balance lockBalance(String customerId) {
        jdbc.update(
                "INSERT INTO billing.ai_credit_balances (customer_id) VALUES (?)"
                        + " ON CONFLICT DO NOTHING",
                customerId);
        return jdbc.queryForObject(
                "SELECT last_sequence, balance_ucr FROM billing.ai_credit_balances"
                        + " WHERE customer_id = ? FOR UPDATE",
                (rs, i) -> new Balance(rs.getLong("last_sequence"), rs.getLong("balance_ucr")),
                customerId);
    }

    void saveBalance(String customerId, Balance balance) {
        jdbc.update(
                "UPDATE billing.ai_credit_balances SET last_sequence = ?, balance_ucr = ?"
                        + " WHERE customer_id = ?",
                balance.sequence(),
                balance.balanceUcr(),
                customerId);
    }

    Optional<Settings> settings(String customerId) {
        return jdbc
                .query(
                        "SELECT * FROM billing.auto_top_ups WHERE customer_id = ?",
                        SETTINGS,
                        customerId)
                .stream()
                .findFirst();
    }

    Optional<Settings> lockSettings(String customerId) {
        return jdbc
                .query(
                        "SELECT * FROM billing.auto_top_ups WHERE customer_id = ? FOR UPDATE",
                        SETTINGS,
                        customerId)
                .stream()
                .findFirst();
    }

    List<Settings> ofPartner(String partnerId) {
        return jdbc.query(
                "SELECT * FROM billing.auto_top_ups WHERE partner_id = ? ORDER BY customer_id"
                        + " LIMIT "
                        + MAX_LISTED,
                SETTINGS,
                partnerId);
    }

    void save(Settings settings) {
        jdbc.update(
                "INSERT INTO billing.auto_top_ups (customer_id, partner_id, threshold_ucr,"
                        + " plan_id, status, failure_code, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (customer_id) DO UPDATE SET threshold_ucr ="
                        + " EXCLUDED.threshold_ucr, plan_id = EXCLUDED.plan_id, status ="
                        + " EXCLUDED.status, failure_code = EXCLUDED.failure_code, updated_at ="
                        + " EXCLUDED.updated_at",
                settings.customerId(),
                settings.partnerId(),
                settings.thresholdUcr(),
                settings.planId(),
                settings.status().name(),
                settings.failureCode(),
                Timestamp.from(settings.updatedAt()));
    }

    boolean delete(String customerId) {
        return jdbc.update("DELETE FROM billing.auto_top_ups WHERE customer_id = ?", customerId)
                == 1;
    }

    void insertCharge(TopUpCharge charge, Instant at) {
        jdbc.update(
                "INSERT INTO billing.auto_top_up_charges (charge_id, customer_id, partner_id,"
                        + " plan_id, crossing_event_id, balance_ucr, threshold_ucr, status,"
                        + " next_attempt_at, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)",
                charge.chargeId(),
                charge.customerId(),
                charge.partnerId(),
                charge.planId(),
                charge.crossingEventId(),
                charge.balanceUcr(),
                charge.thresholdUcr(),
                Timestamp.from(at),
                Timestamp.from(at),
                Timestamp.from(at));
    }

    List<TopUpCharge> chargesOf(String customerId) {
        return jdbc.query(
                "SELECT * FROM billing.auto_top_up_charges WHERE customer_id = ?"
                        + " ORDER BY created_at DESC LIMIT "
                        + RECENT_CHARGES,
                CHARGE,
                customerId);
    }

    /** Charges due now (pending, or claimed so long ago that its claimer is gone). */
    List<String> due(Instant now, Instant claimedBefore, int limit) {
        return jdbc.queryForList(
                "SELECT charge_id FROM billing.auto_top_up_charges WHERE (status = 'PENDING' AND"
                        + " next_attempt_at <= ?) OR (status = 'CHARGING' AND claimed_at < ?)"
                        + " ORDER BY next_attempt_at LIMIT "
                        + limit,
                String.class,
                Timestamp.from(now),
                Timestamp.from(claimedBefore));
    }

    /**
     * Takes a due charge for one attempt; empty when another attempt holds it or it is not due. The
     * attempt number counts only attempts that ended in a transient failure, so a claimer gone
     * mid-attempt is followed by one with the same purchase id, which the purchase replays.
     */
    Optional<TopUpCharge> claim(String chargeId, Instant now, Instant claimedBefore) {
        return jdbc
                .query(
                        "UPDATE billing.auto_top_up_charges SET status = 'CHARGING', claimed_at ="
                                + " ?, updated_at = ? WHERE charge_id = ? AND ((status = 'PENDING'"
                                + " AND next_attempt_at <= ?) OR (status = 'CHARGING' AND"
                                + " claimed_at < ?)) RETURNING *",
                        CHARGE,
                        Timestamp.from(now),
                        Timestamp.from(now),
                        chargeId,
                        Timestamp.from(now),
                        Timestamp.from(claimedBefore))
                .stream()
                .findFirst();
    }

    void submitted(String chargeId, String purchaseId, Instant at) {
        finish(chargeId, TopUpCharge.Status.SUBMITTED, purchaseId, null, at);
    }

    void stopped(
            String chargeId,
            TopUpCharge.Status status,
            String purchaseId,
            String code,
            Instant at) {
        finish(chargeId, status, purchaseId, code, at);
    }

    void retryLater(String chargeId, String code, Instant next, Instant at) {
        jdbc.update(
                "UPDATE billing.auto_top_up_charges SET status = 'PENDING', attempts = attempts"
                        + " + 1, failure_code = ?, next_attempt_at = ?, claimed_at = NULL,"
                        + " updated_at = ? WHERE charge_id = ?",
                code,
                Timestamp.from(next),
                Timestamp.from(at),
                chargeId);
    }

    Optional<TopUpCharge> charge(String chargeId) {
        return jdbc
                .query(
                        "SELECT * FROM billing.auto_top_up_charges WHERE charge_id = ?",
                        CHARGE,
                        chargeId)
                .stream()
                .findFirst();
    }

    /** Stopped charges whose owner was not told yet, oldest first. */
    List<TopUpCharge> untoldStops(int limit) {
        return jdbc.query(
                "SELECT * FROM billing.auto_top_up_charges WHERE status IN ('DECLINED', 'FAILED')"
                        + " AND notified_at IS NULL ORDER BY updated_at LIMIT "
                        + limit,
                CHARGE);
    }

    void told(String chargeId, Instant at) {
        jdbc.update(
                "UPDATE billing.auto_top_up_charges SET notified_at = ? WHERE charge_id = ?",
                Timestamp.from(at),
                chargeId);
    }

    /** Stops the customer's auto top-up after a refused payment, for its owner to fix. */
    void failSettings(String customerId, String code, Instant at) {
        jdbc.update(
                "UPDATE billing.auto_top_ups SET status = 'FAILED', failure_code = ?,"
                        + " updated_at = ? WHERE customer_id = ?",
                code,
                Timestamp.from(at),
                customerId);
    }

    private void finish(
            String chargeId,
            TopUpCharge.Status status,
            String purchaseId,
            String code,
            Instant at) {
        jdbc.update(
                "UPDATE billing.auto_top_up_charges SET status = ?, purchase_id = ?, failure_code"
                        + " = ?, claimed_at = NULL, updated_at = ? WHERE charge_id = ?",
                status.name(),
                purchaseId,
                code,
                Timestamp.from(at),
                chargeId);
    }
}
