package io.ledgerline.billing.subscriptions;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Subscriptions and their periods, one row per period with the invoice that bills it. */
@Repository
class SubscriptionStore {

    private static final String SELECT =
            "SELECT s.*, (SELECT p.invoice_id FROM billing.subscription_periods p WHERE"
                    + " p.subscription_id = s.subscription_id AND p.period_no = s.period_no)"
                    + " AS latest_invoice_id FROM billing.subscriptions s ";

    private static final RowMapper<Subscription> ROW =
            (rs, i) -> {
                var status = Subscription.Status.valueOf(rs.getString("status"));
                var end = rs.getTimestamp("current_period_end").toInstant();
                boolean ending = rs.getBoolean("cancel_at_period_end");
                var canceledAt = rs.getTimestamp("canceled_at");
                return new Subscription(
                        rs.getString("subscription_id"),
                        rs.getString("owner"),
                        rs.getString("plan_id"),
                        rs.getString("plan_name"),
                        rs.getLong("price_usd_cents"),
                        rs.getLong("allocation_ucr"),
                        rs.getString("billing_interval"),
                        status,
                        rs.getInt("period_no"),
                        rs.getTimestamp("current_period_start").toInstant(),
                        end,
                        status == Subscription.Status.CANCELED || ending ? null : end,
                        ending,
                        canceledAt == null ? null : canceledAt.toInstant(),
                        rs.getString("latest_invoice_id"),
                        rs.getTimestamp("created_at").toInstant());
            };

    record Period(
            String subscriptionId,
            int periodNo,
            String owner,
            String planName,
            long allocationUcr,
            String status) {}

    private final JdbcTemplate jdbc;

    SubscriptionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Subscription s) {
        jdbc.update(
                "INSERT INTO billing.subscriptions (subscription_id, owner, plan_id, plan_name,"
                        + " price_usd_cents, allocation_ucr, billing_interval, status, period_no,"
                        + " current_period_start, current_period_end, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.subscriptionId(),
                s.owner(),
                s.planId(),
                s.planName(),
                s.priceUsdCents(),
                s.allocationUcr(),
                s.interval(),
                s.status().name(),
                s.periodNo(),
                Timestamp.from(s.currentPeriodStart()),
                Timestamp.from(s.currentPeriodEnd()),
                Timestamp.from(s.createdAt()));
    }

    void insertPeriod(
            String subscriptionId, int periodNo, Instant start, Instant end, String invoiceId) {
        jdbc.update(
                "INSERT INTO billing.subscription_periods (subscription_id, period_no,"
                        + " period_start, period_end, invoice_id, status)"
                        + " VALUES (?, ?, ?, ?, ?, 'AWAITING_PAYMENT')",
                subscriptionId,
                periodNo,
                Timestamp.from(start),
                Timestamp.from(end),
                invoiceId);
    }

    Optional<Subscription> find(String subscriptionId) {
        return jdbc.query(SELECT + "WHERE s.subscription_id = ?", ROW, subscriptionId).stream()
                .findFirst();
    }

    /** The subscription, locked; empty when another transaction holds it or it is unknown. */
    Optional<Subscription> lockIfFree(String subscriptionId) {
        return jdbc
                .query(
                        SELECT + "WHERE s.subscription_id = ? FOR UPDATE OF s SKIP LOCKED",
                        ROW,
                        subscriptionId)
                .stream()
                .findFirst();
    }

    Optional<Subscription> lock(String subscriptionId) {
        return jdbc
                .query(SELECT + "WHERE s.subscription_id = ? FOR UPDATE OF s", ROW, subscriptionId)
                .stream()
                .findFirst();
    }

    List<Subscription> of(String owner) {
        return jdbc.query(SELECT + "WHERE s.owner = ? ORDER BY s.created_at", ROW, owner);
    }

    Optional<Subscription> liveOf(String owner, String planId) {
        return jdbc
                .query(
                        SELECT + "WHERE s.owner = ? AND s.plan_id = ? AND s.status <> 'CANCELED'",
                        ROW,
                        owner,
                        planId)
                .stream()
                .findFirst();
    }

    /** Whether a live subscription of the owner will charge its default method again. */
    boolean renewsWithDefault(String owner) {
        return jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM billing.subscriptions WHERE owner = ? AND status"
                        + " <> 'CANCELED' AND NOT cancel_at_period_end)",
                Boolean.class,
                owner);
    }

    /**
     * Subscriptions whose period is over at {@code now} and that renew or end, oldest due first; a
     * past-due one waits for its invoice to be paid.
     */
    List<String> due(Instant now, int limit) {
        return jdbc.queryForList(
                "SELECT subscription_id FROM billing.subscriptions WHERE (status = 'ACTIVE' OR"
                        + " (status <> 'CANCELED' AND cancel_at_period_end)) AND"
                        + " current_period_end <= ? ORDER BY current_period_end LIMIT ?",
                String.class,
                Timestamp.from(now),
                limit);
    }

    /**
     * Live subscriptions whose current period's invoice was issued but never charged (billing
     * stopped between the two), with that invoice.
     */
    List<java.util.Map.Entry<String, String>> uncharged(int limit) {
        return jdbc.query(
                "SELECT s.subscription_id, p.invoice_id FROM billing.subscriptions s JOIN"
                        + " billing.subscription_periods p ON p.subscription_id ="
                        + " s.subscription_id AND p.period_no = s.period_no JOIN billing.invoices"
                        + " i ON i.invoice_id = p.invoice_id WHERE s.status = 'ACTIVE' AND"
                        + " i.status = 'OPEN' AND i.payment_intent_id IS NULL LIMIT ?",
                (rs, i) ->
                        java.util.Map.entry(
                                rs.getString("subscription_id"), rs.getString("invoice_id")),
                limit);
    }

    void advance(String subscriptionId, int periodNo, Instant start, Instant end) {
        jdbc.update(
                "UPDATE billing.subscriptions SET period_no = ?, current_period_start = ?,"
                        + " current_period_end = ? WHERE subscription_id = ?",
                periodNo,
                Timestamp.from(start),
                Timestamp.from(end),
                subscriptionId);
    }

    void status(String subscriptionId, Subscription.Status status) {
        jdbc.update(
                "UPDATE billing.subscriptions SET status = ? WHERE subscription_id = ? AND status"
                        + " <> 'CANCELED'",
                status.name(),
                subscriptionId);
    }

    void cancelAtPeriodEnd(String subscriptionId) {
        jdbc.update(
                "UPDATE billing.subscriptions SET cancel_at_period_end = true WHERE"
                        + " subscription_id = ?",
                subscriptionId);
    }

    void canceled(String subscriptionId, Instant at) {
        jdbc.update(
                "UPDATE billing.subscriptions SET status = 'CANCELED', canceled_at = ? WHERE"
                        + " subscription_id = ?",
                Timestamp.from(at),
                subscriptionId);
    }

    /** The period an invoice bills, locked, with what it grants. */
    Optional<Period> lockPeriodByInvoice(String invoiceId) {
        return jdbc
                .query(
                        "SELECT p.subscription_id, p.period_no, p.status, s.owner, s.plan_name,"
                                + " s.allocation_ucr FROM billing.subscription_periods p JOIN"
                                + " billing.subscriptions s USING (subscription_id) WHERE"
                                + " p.invoice_id = ? FOR UPDATE OF p",
                        (rs, i) ->
                                new Period(
                                        rs.getString("subscription_id"),
                                        rs.getInt("period_no"),
                                        rs.getString("owner"),
                                        rs.getString("plan_name"),
                                        rs.getLong("allocation_ucr"),
                                        rs.getString("status")),
                        invoiceId)
                .stream()
                .findFirst();
    }

    void granted(
            String subscriptionId,
            int periodNo,
            String status,
            String commandId,
            String refusal,
            Instant at) {
        jdbc.update(
                "UPDATE billing.subscription_periods SET status = ?, grant_command_id = ?,"
                        + " grant_refusal = ?, granted_at = ? WHERE subscription_id = ? AND"
                        + " period_no = ?",
                status,
                commandId,
                refusal,
                Timestamp.from(at),
                subscriptionId,
                periodNo);
    }
}
