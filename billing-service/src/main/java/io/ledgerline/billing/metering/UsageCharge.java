package io.ledgerline.billing.metering;

import io.ledgerline.contracts.usage.UsageRecorded;

/**
 * What billing did with one use: its rating and the ledger's answer to each leg. An outcome is
 * {@code POSTED}, the ledger's refusal code, {@code NOT_SENT} (no such leg) or {@code NOTHING_DUE}
 * (a zero amount, which the ledger does not take).
 */
record UsageCharge(
        UsageRecorded usage,
        Long platformCostUcr,
        Long customerChargeUcr,
        Status status,
        String refusalCode,
        Leg platform,
        Leg customer) {

    static final String NOT_SENT = "NOT_SENT";
    static final String NOTHING_DUE = "NOTHING_DUE";

    enum Status {
        CHARGED,
        REFUSED,
        NOT_RATED
    }

    record Leg(String commandId, String outcome) {

        static final Leg NONE = new Leg(null, NOT_SENT);

        boolean refused() {
            return commandId != null
                    && !outcome.equals(io.ledgerline.billing.ledgerclient.LedgerAnswer.POSTED)
                    && !outcome.equals(NOTHING_DUE);
        }
    }
}
