package io.ledgerline.billing.calls;

import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

/** The bounds of the admission API, each with its unit. */
final class CallLimits {

    /** One step of admission reserves this much call time. */
    static final long MINUTE_SECONDS = 60;

    /** A call longer than a day is a runtime that forgot to end it. */
    static final long MAX_CALL_SECONDS = 24 * 60 * 60;

    /** Start is step 0; a day of minutes, plus steps during grace, fits in this. */
    static final long MAX_SEQUENCE = 2 * MAX_CALL_SECONDS / MINUTE_SECONDS;

    /**
     * A call whose runtime reports nothing this long after its authorised time (a minute, or the
     * grace period) ran out is closed by the sweeper.
     */
    static final long REPORT_SLACK_SECONDS = 30;

    /** A reported duration may exceed the time billing saw pass by this much (clock skew). */
    static final long MAX_CLOCK_SKEW_SECONDS = 60;

    /**
     * The ledger releases a hold by itself after this long: a backstop far past the sweeper, so
     * nothing stays held even if billing is gone for good.
     */
    static final long LEDGER_HOLD_TIMEOUT_SECONDS = 2 * MAX_CALL_SECONDS;

    /** Call ids are shorter than the id rule allows: ledger ids are derived from them. */
    static final int MAX_CALL_ID_LENGTH = 40;

    static final long MAX_TOOL_CALLS = 10_000;
    static final int MAX_COST_LINES = 100;
    static final long MAX_COST_LINE_UCR = 1_000_000_000_000L;

    private CallLimits() {}

    static String requireId(String id, String field) {
        if (!Ids.isSafe(id)) {
            throw Refused.field(
                    CommonRefusal.INVALID_ID,
                    field,
                    field + " must be 1-64 letters, digits, '.', '_' or '-'");
        }
        return id;
    }

    static String requireCallId(String callId) {
        requireId(callId, "callId");
        if (callId.length() > MAX_CALL_ID_LENGTH) {
            throw Refused.field(
                    CommonRefusal.INVALID_ID,
                    "callId",
                    "callId must be at most " + MAX_CALL_ID_LENGTH + " characters");
        }
        return callId;
    }

    static long requireRange(Long value, long max, String field) {
        if (value == null) {
            throw Refused.field(CommonRefusal.FIELD_REQUIRED, field, field + " is required");
        }
        if (value < 0 || value > max) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE, field, field + " must be between 0 and " + max);
        }
        return value;
    }
}
