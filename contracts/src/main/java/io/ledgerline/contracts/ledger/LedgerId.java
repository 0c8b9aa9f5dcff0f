package io.ledgerline.contracts.ledger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A unit of account. {@code PLATFORM} holds platform credits (sold to partners); {@code
 * AI:<partnerId>} holds that partner's AI credits. A transfer never crosses ledgers, and per ledger
 * the balances of all accounts sum to zero.
 */
public record LedgerId(String value) {

    public static final LedgerId PLATFORM = new LedgerId("PLATFORM");
    private static final String AI_PREFIX = "AI:";

    public LedgerId {
        if (value == null || !(value.equals("PLATFORM") || isAiLedger(value))) {
            throw new IllegalArgumentException("unknown ledger: " + value);
        }
    }

    @JsonCreator
    public static LedgerId of(String value) {
        return "PLATFORM".equals(value) ? PLATFORM : new LedgerId(value);
    }

    public static LedgerId ai(String partnerId) {
        return new LedgerId(AI_PREFIX + Ids.requireSafe(partnerId, "partnerId"));
    }

    private static boolean isAiLedger(String value) {
        return value.startsWith(AI_PREFIX) && Ids.isSafe(value.substring(AI_PREFIX.length()));
    }

    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
