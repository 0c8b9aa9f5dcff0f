package io.ledgerline.billing.plans;

import java.time.Instant;

/**
 * A partner's package of AI credits at a price (R16), e.g. "100 minutes — 60"; with an interval it
 * is offered as a subscription granting that allocation each period (R17). Its limits cap a
 * subscriber's usage meters per period (R19).
 */
public record CreditPlan(
        String planId,
        String partnerId,
        String name,
        long priceUsdCents,
        long aiCreditsUcr,
        Status status,
        Interval interval,
        PlanLimits limits,
        Instant createdAt) {

    public boolean recurring() {
        return interval != null;
    }

    public enum Interval {
        MONTH
    }

    public enum Status {
        ACTIVE,
        ARCHIVED
    }
}
