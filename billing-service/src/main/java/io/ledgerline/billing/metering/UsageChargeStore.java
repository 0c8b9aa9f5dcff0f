package io.ledgerline.billing.metering;

import io.ledgerline.contracts.usage.UsageRecorded;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/** The billing schema's record of processed usage and its charges. */
@Repository
class UsageChargeStore {

    private static final String INSERT_CHARGE =
            "INSERT INTO billing.usage_charges (request_id, event_id, source, customer_id,"
                    + " partner_id, key_id, model, tokens_in, tokens_out, call_seconds,"
                    + " tool_calls, platform_cost_ucr, customer_charge_ucr, status,"
                    + " refusal_code, platform_command_id, platform_outcome,"
                    + " customer_command_id, customer_outcome, occurred_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                    + " ON CONFLICT DO NOTHING";

    private final JdbcTemplate jdbc;

    UsageChargeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The uses of the list that no earlier delivery recorded (by request id or event id). */
    List<UsageRecorded> unprocessed(List<UsageRecorded> usages) {
        if (usages.isEmpty()) {
            return List.of();
        }
        var seenRequests = new HashSet<String>();
        var seenEvents = new HashSet<String>();
        jdbc.query(
                "SELECT request_id, event_id FROM billing.processed_usage"
                        + " WHERE request_id = ANY(?::text[]) OR event_id = ANY(?::text[])",
                (RowCallbackHandler)
                        rs -> {
                            seenRequests.add(rs.getString("request_id"));
                            seenEvents.add(rs.getString("event_id"));
                        },
                usages.stream().map(UsageRecorded::requestId).toArray(String[]::new),
                usages.stream().map(UsageRecorded::eventId).toArray(String[]::new));
        return usages.stream()
                .filter(u -> !seenRequests.contains(u.requestId()))
                .filter(u -> !seenEvents.contains(u.eventId()))
                .toList();
    }

    /**
     * Marks the uses processed and stores their charges in one transaction; returns how many were
     * new. A use another delivery recorded first is left as it is: the ledger commands both sent
     * were the same, so nothing is lost.
     */
    @Transactional
    int record(List<UsageCharge> charges) {
        if (charges.isEmpty()) {
            return 0;
        }
        var claimed = new HashSet<>(claim(charges));
        var fresh = charges.stream().filter(c -> claimed.contains(c.usage().requestId())).toList();
        if (!fresh.isEmpty()) {
            jdbc.batchUpdate(INSERT_CHARGE, fresh, fresh.size(), UsageChargeStore::bindCharge);
        }
        return fresh.size();
    }

    private List<String> claim(List<UsageCharge> charges) {
        return jdbc.queryForList(
                "INSERT INTO billing.processed_usage (request_id, event_id)"
                        + " SELECT * FROM unnest(?::text[], ?::text[])"
                        + " ON CONFLICT DO NOTHING RETURNING request_id",
                String.class,
                charges.stream().map(c -> c.usage().requestId()).toArray(String[]::new),
                charges.stream().map(c -> c.usage().eventId()).toArray(String[]::new));
    }

    private static void bindCharge(PreparedStatement ps, UsageCharge charge) throws SQLException {
        var usage = charge.usage();
        int i = 0;
        ps.setString(++i, usage.requestId());
        ps.setString(++i, usage.eventId());
        ps.setString(++i, usage.source().name());
        ps.setString(++i, usage.customerId());
        ps.setString(++i, usage.partnerId());
        ps.setString(++i, usage.keyId());
        ps.setString(++i, usage.model());
        ps.setLong(++i, usage.tokensIn());
        ps.setLong(++i, usage.tokensOut());
        ps.setLong(++i, usage.callSeconds());
        ps.setLong(++i, usage.toolCalls());
        ps.setLong(++i, charge.platformCostUcr() == null ? 0L : charge.platformCostUcr());
        ps.setObject(++i, charge.customerChargeUcr(), Types.BIGINT);
        ps.setString(++i, charge.status().name());
        ps.setString(++i, charge.refusalCode());
        ps.setString(++i, charge.platform().commandId());
        ps.setString(++i, charge.platform().outcome());
        ps.setString(++i, charge.customer().commandId());
        ps.setString(++i, charge.customer().outcome());
        ps.setTimestamp(
                ++i,
                Timestamp.from(usage.occurredAt() == null ? Instant.now() : usage.occurredAt()));
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
