package io.ledgerline.billing.plans;

import java.time.Instant;

/** A partner's package of AI credits at a price (R16), e.g. "100 minutes — 60". */
public record CreditPlan(
        String planId,
        String partnerId,
        String name,
        long priceUsdCents,
        long aiCreditsUcr,
        Status status,
        Instant createdAt) {

    public enum Status {
        ACTIVE,
        ARCHIVED
    }
}
