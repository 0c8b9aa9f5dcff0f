package io.ledgerline.billing.calls;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.money.Credits;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Calls and their steps in {@code billing.calls} and {@code billing.call_steps}. */
@Repository
class CallStore {

    private static final String CALL_COLUMNS =
            "call_id, customer_id, partner_id, agent_id, channel, payer_account,"
                    + " price_per_minute_ucr, grace_seconds, status, sequence, started_at,"
                    + " authorised_until, grace_until, end_fingerprint";

    private static final RowMapper<Call> CALL =
            (row, n) ->
                    new Call(
                            row.getString(1),
                            row.getString(2),
                            row.getString(3),
                            row.getString(4),
                            Channel.valueOf(row.getString(5)),
                            AccountId.of(row.getString(6)),
                            Credits.ofMicros(row.getLong(7)),
                            row.getLong(8),
                            Call.Status.valueOf(row.getString(9)),
                            row.getLong(10),
                            instant(row.getTimestamp(11)),
                            instant(row.getTimestamp(12)),
                            instant(row.getTimestamp(13)),
                            row.getString(14));

    private static final RowMapper<CallStep> STEP =
            (row, n) ->
                    new CallStep(
                            row.getLong(1),
                            CallStep.Kind.valueOf(row.getString(2)),
                            row.getString(3),
                            Credits.ofMicros(row.getLong(4)),
                            instant(row.getTimestamp(5)),
                            instant(row.getTimestamp(6)));

    private final JdbcTemplate jdbc;

    CallStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the call unless its id is taken; true when this call is new. */
    boolean insertIfAbsent(Call call, Instant staleAt) {
        return jdbc.update(
                        "INSERT INTO billing.calls ("
                                + CALL_COLUMNS
                                + ", stale_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT (call_id) DO NOTHING",
                        call.callId(),
                        call.customerId(),
                        call.partnerId(),
                        call.agentId(),
                        call.channel().name(),
                        call.payer().value(),
                        call.pricePerMinute().ucr(),
                        call.graceSeconds(),
                        call.status().name(),
                        call.sequence(),
                        ts(call.startedAt()),
                        ts(call.authorisedUntil()),
                        ts(call.graceUntil()),
                        call.endFingerprint(),
                        ts(staleAt))
                == 1;
    }

    /** The call, locked until the transaction ends: one step of one call at a time. */
    Optional<Call> lock(String callId) {
        return jdbc
                .query(
                        "SELECT "
                                + CALL_COLUMNS
                                + " FROM billing.calls WHERE call_id = ? FOR UPDATE",
                        CALL,
                        callId)
                .stream()
                .findFirst();
    }

    /** The call, locked, unless another transaction holds it (the sweeper skips it then). */
    Optional<Call> lockIfFree(String callId) {
        return jdbc
                .query(
                        "SELECT "
                                + CALL_COLUMNS
                                + " FROM billing.calls WHERE call_id = ? FOR UPDATE SKIP LOCKED",
                        CALL,
                        callId)
                .stream()
                .findFirst();
    }

    void addStep(String callId, CallStep step, Instant staleAt) {
        jdbc.update(
                "INSERT INTO billing.call_steps (call_id, sequence, kind, reservation_id,"
                        + " amount_ucr, authorised_until, grace_until) VALUES (?, ?, ?, ?, ?, ?, ?)",
                callId,
                step.sequence(),
                step.kind().name(),
                step.reservationId(),
                step.amount().ucr(),
                ts(step.authorisedUntil()),
                ts(step.graceUntil()));
        jdbc.update(
                "UPDATE billing.calls SET sequence = ?, authorised_until = ?, grace_until = ?,"
                        + " stale_at = ? WHERE call_id = ?",
                step.sequence(),
                ts(step.authorisedUntil()),
                ts(step.graceUntil()),
                ts(staleAt),
                callId);
    }

    Optional<CallStep> step(String callId, long sequence) {
        return jdbc
                .query(
                        "SELECT sequence, kind, reservation_id, amount_ucr, authorised_until,"
                                + " grace_until FROM billing.call_steps"
                                + " WHERE call_id = ? AND sequence = ?",
                        STEP,
                        callId,
                        sequence)
                .stream()
                .findFirst();
    }

    List<CallStep> steps(String callId) {
        return jdbc.query(
                "SELECT sequence, kind, reservation_id, amount_ucr, authorised_until,"
                        + " grace_until FROM billing.call_steps WHERE call_id = ?"
                        + " ORDER BY sequence",
                STEP,
                callId);
    }

    void close(String callId, Call.Status status, CallClosing.Closed closed, Instant endedAt) {
        jdbc.update(
                "UPDATE billing.calls SET status = ?, ended_at = ?, duration_seconds = ?,"
                        + " tool_calls = ?, cost_lines = ?, charge_ucr = ?, settled_ucr = ?,"
                        + " metered_ucr = ?, uncollected_ucr = ?, end_fingerprint = ?"
                        + " WHERE call_id = ?",
                status.name(),
                ts(endedAt),
                closed.durationSeconds(),
                closed.toolCalls(),
                closed.costLinesJson(),
                closed.charge().ucr(),
                closed.settled().ucr(),
                closed.metered().ucr(),
                closed.uncollected().ucr(),
                closed.fingerprint(),
                callId);
    }

    /** Ids of active calls whose runtime went quiet before {@code now}, oldest first. */
    List<String> staleCallIds(Instant now, int limit) {
        return jdbc.queryForList(
                "SELECT call_id FROM billing.calls WHERE status = 'ACTIVE' AND stale_at < ?"
                        + " ORDER BY stale_at LIMIT ?",
                String.class,
                ts(now),
                limit);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
