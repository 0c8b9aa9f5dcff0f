package io.ledgerline.billing.metering;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The billing schema's record of processed usage and its charges. */
@Repository
class UsageChargeStore {

    private final JdbcTemplate jdbc;

    UsageChargeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean isProcessed(String requestId, String eventId) {
        Integer seen =
                jdbc.queryForObject(
                        "SELECT count(*) FROM billing.processed_usage WHERE request_id = ? OR event_id = ?",
                        Integer.class,
                        requestId,
                        eventId);
        return seen != null && seen > 0;
    }

    /**
     * Marks the use processed and stores its charge in one transaction. Returns false when another
     * delivery recorded it first; the ledger commands both sent were the same, so nothing is lost.
     */
    @Transactional
    boolean record(UsageCharge charge) {
        var usage = charge.usage();
        int claimed =
                jdbc.update(
                        "INSERT INTO billing.processed_usage (request_id, event_id) "
                                + "VALUES (?, ?) ON CONFLICT DO NOTHING",
                        usage.requestId(),
                        usage.eventId());
        if (claimed == 0) {
            return false;
        }
        jdbc.update(
                "INSERT INTO billing.usage_charges (request_id, event_id, source, customer_id,"
                        + " partner_id, key_id, model, tokens_in, tokens_out, call_seconds,"
                        + " tool_calls, platform_cost_ucr, customer_charge_ucr, status,"
                        + " refusal_code, platform_command_id, platform_outcome,"
                        + " customer_command_id, customer_outcome, occurred_at)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                usage.requestId(),
                usage.eventId(),
                usage.source().name(),
                usage.customerId(),
                usage.partnerId(),
                usage.keyId(),
                usage.model(),
                usage.tokensIn(),
                usage.tokensOut(),
                usage.callSeconds(),
                usage.toolCalls(),
                charge.platformCostUcr() == null ? 0L : charge.platformCostUcr(),
                charge.customerChargeUcr(),
                charge.status().name(),
                charge.refusalCode(),
                charge.platform().commandId(),
                charge.platform().outcome(),
                charge.customer().commandId(),
                charge.customer().outcome(),
                Timestamp.from(usage.occurredAt() == null ? Instant.now() : usage.occurredAt()));
        return true;
    }

    List<UsageRow> pageForCustomer(String customerId, int page, int size) {
        return jdbc.query(
                "SELECT request_id, source, customer_id, partner_id, key_id,"
                        + " model, tokens_in, tokens_out, call_seconds, tool_calls,"
                        + " platform_cost_ucr, customer_charge_ucr, status, refusal_code,"
                        + " platform_outcome, customer_outcome, occurred_at, charged_at"
                        + " FROM billing.usage_charges WHERE customer_id = ?"
                        + " ORDER BY occurred_at DESC, request_id LIMIT ? OFFSET ?",
                UsageChargeStore::row,
                customerId,
                size,
                (long) page * size);
    }

    private static UsageRow row(ResultSet rs, int rowNumber) throws SQLException {
        return new UsageRow(
                rs.getString("request_id"),
                rs.getString("source"),
                rs.getString("customer_id"),
                rs.getString("partner_id"),
                rs.getString("key_id"),
                rs.getString("model"),
                rs.getLong("tokens_in"),
                rs.getLong("tokens_out"),
                rs.getLong("call_seconds"),
                rs.getLong("tool_calls"),
                rs.getLong("platform_cost_ucr"),
                (Long) rs.getObject("customer_charge_ucr"),
                rs.getString("status"),
                rs.getString("refusal_code"),
                rs.getString("platform_outcome"),
                rs.getString("customer_outcome"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getTimestamp("charged_at").toInstant());
    }

    long countForCustomer(String customerId) {
        Long count =
                jdbc.queryForObject(
                        "SELECT count(*) FROM billing.usage_charges WHERE customer_id = ?",
                        Long.class,
                        customerId);
        return count == null ? 0 : count;
    }
}
