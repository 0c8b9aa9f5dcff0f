package io.ledgerline.billing.refunds;

import java.time.Instant;

/**
 * What a refund or chargeback took back of a paid invoice's credits, as the partner sees it: {@code
 * DEDUCTED} through the ledger, or {@code DEBT} when the balance could not cover it.
 */
public record PaymentCorrection(
        String eventId,
        Kind kind,
        String invoiceId,
        String owner,
        long amountCents,
        long creditsUcr,
        Status status,
        String ledgerCommandId,
        String ledgerRefusal,
        String note,
        Instant createdAt) {

    public enum Kind {
        REFUND,
        CHARGEBACK
    }

    public enum Status {
        DEDUCTED,
        /** Owed: the ledger would not take the credits back without going below zero. */
        DEBT,
        NOTHING_GRANTED
    }
}
