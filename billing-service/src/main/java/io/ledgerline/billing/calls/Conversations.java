package io.ledgerline.billing.calls;

import com.fasterxml.jackson.core.type.TypeReference;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.usage.UsageRecorded.CostLine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Admitted calls and chats as the portal's Conversations page shows them, newest first. */
@Repository
class Conversations {

    /**
     * One admitted session. Money is micro-credits of the payer's ledger ({@code payerAccount}):
     * {@code chargeUcr} = {@code settledUcr} (from its holds) + {@code meteredUcr} (beyond them) +
     * {@code uncollectedUcr} (what the ledger would not take).
     */
    record Conversation(
            String callId,
            String customerId,
            String partnerId,
            String agentId,
            String channel,
            String status,
            String payerAccount,
            Instant startedAt,
            Instant endedAt,
            Long durationSeconds,
            Long toolCalls,
            List<CostLine> costLines,
            Long chargeUcr,
            Long settledUcr,
            Long meteredUcr,
            Long uncollectedUcr,
            String chargeCredits) {}

    private static final TypeReference<List<CostLine>> COST_LINES = new TypeReference<>() {};

    private static final String COLUMNS =
            "call_id, customer_id, partner_id, agent_id, channel, status, payer_account,"
                    + " started_at, ended_at, duration_seconds, tool_calls, cost_lines,"
                    + " charge_ucr, settled_ucr, metered_ucr, uncollected_ucr";

    private static final RowMapper<Conversation> ROW = Conversations::read;

    private final JdbcTemplate jdbc;

    Conversations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Conversation> one(String callId) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM billing.calls WHERE call_id = ?", ROW, callId)
                .stream()
                .findFirst();
    }

    long count(String customerId, Instant from, Instant to) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM billing.calls WHERE customer_id = ?"
                        + " AND started_at >= ? AND started_at < ?",
                Long.class,
                customerId,
                Timestamp.from(from),
                Timestamp.from(to));
    }

    List<Conversation> page(String customerId, Instant from, Instant to, int page, int size) {
        return jdbc.query(
                "SELECT "
                        + COLUMNS
                        + " FROM billing.calls WHERE customer_id = ?"
                        + " AND started_at >= ? AND started_at < ?"
                        + " ORDER BY started_at DESC, call_id LIMIT ? OFFSET ?",
                ROW,
                customerId,
                Timestamp.from(from),
                Timestamp.from(to),
                size,
                (long) page * size);
    }

    private static Conversation read(ResultSet row, int n) throws SQLException {
        Long charge = nullableLong(row, 13);
        return new Conversation(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                CallStore.instant(row.getTimestamp(8)),
                CallStore.instant(row.getTimestamp(9)),
                nullableLong(row, 10),
                nullableLong(row, 11),
                costLines(row.getString(12)),
                charge,
                nullableLong(row, 14),
                nullableLong(row, 15),
                nullableLong(row, 16),
                charge == null ? null : Credits.ofMicros(charge).toDecimalString());
    }

    private static List<CostLine> costLines(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return ContractJson.mapper()
                    .readValue(json.getBytes(StandardCharsets.UTF_8), COST_LINES);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable cost lines in billing.calls", e);
        }
    }

    private static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
