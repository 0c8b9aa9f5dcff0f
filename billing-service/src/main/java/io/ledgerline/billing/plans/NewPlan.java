package io.ledgerline.billing.plans;

import io.ledgerline.billing.commerce.UsdPrices;
import io.ledgerline.contracts.ledger.Texts;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

import java.math.BigDecimal;

/**
 * A plan as a partner defines it: a name, a price in whole USD cents, AI credits in µcr, and for a
 * subscription the interval ({@code "MONTH"}) at which that price buys that allocation again;
 * optionally its entitlement limits.
 */
record NewPlan(
        String name,
        BigDecimal priceUsdCents,
        Long aiCreditsUcr,
        CreditPlan.Interval interval,
        PlanLimits limits) {

    /** 1,000,000,000 AI credits: more than any package is sold with. */
    static final long MAX_AI_CREDITS_UCR = 1_000_000_000L * 1_000_000L;

    static final int MAX_NAME_LENGTH = 100;

    NewPlan validated() {
        if (name == null || name.isBlank()) {
            throw Refused.field(CommonRefusal.FIELD_REQUIRED, "name", "name is required");
        }
        Texts.problem(name, MAX_NAME_LENGTH)
                .ifPresent(
                        problem -> {
                            throw Refused.field(CommonRefusal.INVALID_TEXT, "name", problem);
                        });
        UsdPrices.requireCents(priceUsdCents, "priceUsdCents");
        if (aiCreditsUcr == null) {
            throw Refused.field(
                    CommonRefusal.FIELD_REQUIRED, "aiCreditsUcr", "aiCreditsUcr is required");
        }
        if (aiCreditsUcr <= 0 || aiCreditsUcr > MAX_AI_CREDITS_UCR) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    "aiCreditsUcr",
                    "aiCreditsUcr must be between 1 and " + MAX_AI_CREDITS_UCR);
        }
        var validLimits = limits == null ? PlanLimits.NONE : limits.validated();
        return new NewPlan(
                Texts.normalised(name.strip()), priceUsdCents, aiCreditsUcr, interval, validLimits);
    }
}
