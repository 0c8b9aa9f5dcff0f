package io.ledgerline.ledger.account;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.money.ExactCredits;

/** A customer's AI-credit settings as the account last recorded them (R13). */
record AiCreditSettings(boolean enabled, Credits pricePerMinute, long graceSeconds) {

    static final AiCreditSettings DISABLED = new AiCreditSettings(false, Credits.ZERO, 0);
    private static final long SECONDS_PER_MINUTE = 60;

    /** How far usage may take the balance below zero: price per minute × grace seconds / 60. */
    Credits graceAllowance() {
        return ExactCredits.perUnit(graceSeconds, pricePerMinute, SECONDS_PER_MINUTE).roundUp();
    }
}
