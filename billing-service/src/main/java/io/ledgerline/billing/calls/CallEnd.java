package io.ledgerline.billing.calls;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.contracts.usage.UsageRecorded.CostLine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A call ended: how long it really ran, its tool calls and provider cost lines (R14). Cost lines
 * are platform micro-credits; a line in any other unit is refused rather than guessed at.
 */
record CallEnd(Long sequence, Long durationSeconds, Long toolCalls, List<CostLineInput> costLines) {

    static final String MICRO_CREDITS = "ucr";

    /** A cost line as sent: {@code unit} may be omitted, and otherwise must say micro-credits. */
    record CostLineInput(CostLine.Kind kind, Credits amountUcr, String unit) {}

    CallEnd validated() {
        CallLimits.requireRange(sequence, CallLimits.MAX_SEQUENCE, "sequence");
        CallLimits.requireRange(durationSeconds, CallLimits.MAX_CALL_SECONDS, "durationSeconds");
        CallLimits.requireRange(toolCallsOrZero(), CallLimits.MAX_TOOL_CALLS, "toolCalls");
        var lines = costLinesOrEmpty();
        if (lines.size() > CallLimits.MAX_COST_LINES) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    "costLines",
                    "at most " + CallLimits.MAX_COST_LINES);
        }
        lines.forEach(CallEnd::requireValid);
        return this;
    }

    long toolCallsOrZero() {
        return toolCalls == null ? 0 : toolCalls;
    }

    List<CostLineInput> costLinesOrEmpty() {
        return costLines == null ? List.of() : costLines;
    }

    List<CostLine> lines() {
        return costLinesOrEmpty().stream()
                .map(line -> new CostLine(line.kind(), line.amountUcr()))
                .toList();
    }

    /** Every figure that makes two ends "the same end", in a fixed order. */
    String fingerprint() {
        return sequence
                + "|"
                + durationSeconds
                + "|"
                + toolCallsOrZero()
                + "|"
                + lines().stream()
                        .map(line -> line.kind() + ":" + line.amountUcr().ucr())
                        .collect(Collectors.joining(","));
    }

    private static void requireValid(CostLineInput line) {
        boolean valid =
                line != null
                        && line.kind() != null
                        && line.amountUcr() != null
                        && !line.amountUcr().isNegative()
                        && line.amountUcr().ucr() <= CallLimits.MAX_COST_LINE_UCR
                        && (line.unit() == null || MICRO_CREDITS.equalsIgnoreCase(line.unit()));
        if (!valid) {
            throw Refused.field(
                    BillingRefusal.INVALID_COST_LINE,
                    "costLines",
                    "each cost line needs a kind (LLM, STT, TTS) and an amountUcr of 0-"
                            + CallLimits.MAX_COST_LINE_UCR
                            + " platform micro-credits (unit \"ucr\")");
        }
    }
}
