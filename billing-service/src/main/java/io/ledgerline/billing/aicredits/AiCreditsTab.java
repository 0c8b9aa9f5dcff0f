package io.ledgerline.billing.aicredits;

import java.time.Instant;
import java.util.List;

/**
 * The AI Credits tab (R17) in one answer: the ledger's balance and recent history, the active
 * subscription's monthly allocation (0 without one) and what billing charged in the period (the
 * subscription's, else the calendar month in UTC). Amounts are AI micro-credits.
 */
public record AiCreditsTab(
        String accountId,
        long balanceUcr,
        long reservedUcr,
        String subscriptionId,
        long monthlyAllocationUcr,
        Instant periodStart,
        Instant periodEnd,
        long usedThisPeriodUcr,
        List<Transaction> recentTransactions) {

    public record Transaction(
            String eventId,
            String type,
            long amountUcr,
            long balanceAfterUcr,
            String note,
            Instant occurredAt) {}
}
