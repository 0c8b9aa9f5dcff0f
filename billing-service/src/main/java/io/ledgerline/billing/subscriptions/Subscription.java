package io.ledgerline.billing.subscriptions;

import java.time.Instant;

/**
 * A customer's subscription to a recurring credit plan (R17), as the Subscriptions tab shows it;
 * {@code nextBillingAt} is null when it ends at its period's end or is canceled.
 */
public record Subscription(
        String subscriptionId,
        String owner,
        String planId,
        String planName,
        long priceUsdCents,
        long allocationUcr,
        String interval,
        Status status,
        int periodNo,
        Instant currentPeriodStart,
        Instant currentPeriodEnd,
        Instant nextBillingAt,
        boolean cancelAtPeriodEnd,
        Instant canceledAt,
        String latestInvoiceId,
        Instant createdAt) {

    public enum Status {
        ACTIVE,
        /** A period's payment failed: nothing was granted for it until its invoice is paid. */
        PAST_DUE,
        CANCELED
    }

    public boolean live() {
        return status != Status.CANCELED;
    }
}
