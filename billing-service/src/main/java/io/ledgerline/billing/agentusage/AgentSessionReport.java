package io.ledgerline.billing.agentusage;

import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.contracts.usage.UsageRecorded.CostLine;

import java.time.Instant;
import java.util.List;

/**
 * A finished call or chat session as an agent runtime reports it (docs/design.md, "Agent usage"):
 * how long the call ran, the provider cost lines (platform micro-credits) and the tool calls it
 * made.
 */
record AgentSessionReport(
        String sessionId,
        Kind kind,
        String customerId,
        String partnerId,
        Long callSeconds,
        Long toolCalls,
        List<CostLine> costLines,
        Instant occurredAt) {

    static final long MAX_CALL_SECONDS = 24 * 60 * 60;
    static final long MAX_TOOL_CALLS = 10_000;
    static final int MAX_COST_LINES = 100;
    static final long MAX_COST_LINE_UCR = 1_000_000_000_000L;

    enum Kind {
        CALL,
        CHAT
    }

    AgentSessionReport validated() {
        requireId(sessionId, "sessionId");
        requireId(customerId, "customerId");
        requireId(partnerId, "partnerId");
        if (kind == null) {
            throw Refused.field(CommonRefusal.FIELD_REQUIRED, "kind", "kind must be CALL or CHAT");
        }
        requireRange(callSeconds(), MAX_CALL_SECONDS, "callSeconds");
        requireRange(toolCalls(), MAX_TOOL_CALLS, "toolCalls");
        if (kind == Kind.CHAT && callSeconds() > 0) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE, "callSeconds", "a chat has no call seconds");
        }
        var lines = costLines();
        if (lines.size() > MAX_COST_LINES) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE, "costLines", "at most " + MAX_COST_LINES);
        }
        for (var line : lines) {
            boolean valid =
                    line != null
                            && line.kind() != null
                            && line.amountUcr() != null
                            && !line.amountUcr().isNegative()
                            && line.amountUcr().ucr() <= MAX_COST_LINE_UCR;
            if (!valid) {
                throw Refused.field(
                        BillingRefusal.INVALID_COST_LINE,
                        "costLines",
                        "each cost line needs a kind"
                                + " (LLM, STT, TTS) and an amountUcr of 0-"
                                + MAX_COST_LINE_UCR);
            }
        }
        return this;
    }

    @Override
    public Long callSeconds() {
        return callSeconds == null ? 0L : callSeconds;
    }

    @Override
    public Long toolCalls() {
        return toolCalls == null ? 0L : toolCalls;
    }

    @Override
    public List<CostLine> costLines() {
        return costLines == null ? List.of() : costLines;
    }

    private static void requireId(String id, String name) {
        if (!Ids.isSafe(id)) {
            throw Refused.field(
                    CommonRefusal.INVALID_ID,
                    name,
                    name + " must be 1-64 letters, digits, '.', '_' or '-'");
        }
    }

    private static void requireRange(long value, long max, String name) {
        if (value < 0 || value > max) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE, name, name + " must be between 0 and " + max);
        }
    }
}
