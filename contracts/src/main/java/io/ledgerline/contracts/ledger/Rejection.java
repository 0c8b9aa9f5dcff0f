package io.ledgerline.contracts.ledger;

import io.ledgerline.contracts.problem.RefusalCode;

/**
 * Every reason the ledger refuses a command, one stable code each. Codes travel unchanged to API
 * error bodies. The ledger checks them in this order, so a command with several faults always
 * reports the same one.
 */
public enum Rejection implements RefusalCode {
    /** The command id was seen before with a different payload. */
    EXISTS_WITH_DIFFERENT_PAYLOAD(409),
    ACCOUNT_NOT_FOUND(404),
    ACCOUNT_EXISTS_WITH_DIFFERENT_PARTNER(409),
    ACCOUNT_KIND_NOT_ALLOWED(422),
    AMOUNT_MUST_BE_POSITIVE(422),
    AMOUNT_OVERFLOW(422),
    REASON_REQUIRED(422),
    AI_CREDITS_DISABLED(409),
    RESERVATION_EXISTS(409),
    RESERVATION_NOT_FOUND(404),
    RESERVATION_CLOSED(409),
    SETTLEMENT_EXCEEDS_RESERVATION(409),
    REVERSAL_TARGET_NOT_FOUND(404),
    ALREADY_REVERSED(409),
    /**
     * The usage id was charged on this account before, under another command id (a usage is charged
     * once, whichever command carries it).
     */
    USAGE_ALREADY_CHARGED(409),
    INSUFFICIENT_CREDITS(402);

    private final int httpStatus;

    Rejection(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
