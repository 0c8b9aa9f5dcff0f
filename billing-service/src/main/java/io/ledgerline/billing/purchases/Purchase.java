package io.ledgerline.billing.purchases;

import java.time.Instant;

/**
 * A purchase of credits: a credit plan's AI credits for a customer (R16) or platform credits for a
 * partner (Quick Buy). Its credits are granted once its invoice is paid.
 */
public record Purchase(
        String purchaseId,
        String owner,
        Kind kind,
        String planId,
        long creditsUcr,
        long priceUsdCents,
        String invoiceId,
        Status status,
        String grantRefusal,
        Instant createdAt,
        Instant creditedAt) {

    public enum Kind {
        CREDIT_PLAN,
        QUICK_BUY
    }

    public enum Status {
        /** Its invoice is open: not paid, or paid and the provider's event not yet here. */
        AWAITING_PAYMENT,
        /** Paid, and the ledger added the credits. */
        CREDITED,
        /** Paid, but the ledger refused the credits (e.g. AI credits disabled); see the code. */
        GRANT_REFUSED
    }
}
