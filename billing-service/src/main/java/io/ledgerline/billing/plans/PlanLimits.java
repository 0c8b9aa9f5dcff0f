package io.ledgerline.billing.plans;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A plan's entitlement limits per billing period (R19); a null limit is none beyond what AI credits
 * allow.
 */
public record PlanLimits(
        Long maxVoiceMinutes,
        Long maxChatMessages,
        Long maxWhatsappMessages,
        Long maxTestRuns,
        Long maxAgents,
        Long maxSeats) {

    public static final PlanLimits NONE = new PlanLimits(null, null, null, null, null, null);

    static final long MAX_LIMIT = 1_000_000_000L;

    PlanLimits validated() {
        require(maxVoiceMinutes, "limits.maxVoiceMinutes");
        require(maxChatMessages, "limits.maxChatMessages");
        require(maxWhatsappMessages, "limits.maxWhatsappMessages");
        require(maxTestRuns, "limits.maxTestRuns");
        require(maxAgents, "limits.maxAgents");
        require(maxSeats, "limits.maxSeats");
        return this;
    }

    /** The limits of a {@code billing.credit_plans} row. */
    public static PlanLimits of(ResultSet row) throws SQLException {
        return new PlanLimits(
                nullable(row, "max_voice_minutes"),
                nullable(row, "max_chat_messages"),
                nullable(row, "max_whatsapp_messages"),
                nullable(row, "max_test_runs"),
                nullable(row, "max_agents"),
                nullable(row, "max_seats"));
    }

    private static Long nullable(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static void require(Long limit, String field) {
        if (limit != null && (limit < 0 || limit > MAX_LIMIT)) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    field,
                    field + " must be between 0 and " + MAX_LIMIT);
        }
    }
}
