package io.ledgerline.contracts.rating;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.money.ExactCredits;

import java.util.EnumSet;
import java.util.Set;

/**
 * A partner's subscription tier (R10): which model bands its keys may use, and the platform fee
 * added on top of every partner-key budget, as a whole-number percent.
 */
public enum PartnerTier {
    STARTER(EnumSet.of(Tier.BUDGET), 0),
    GROWTH(EnumSet.of(Tier.BUDGET, Tier.MID), 5),
    SCALE(EnumSet.allOf(Tier.class), 10);

    private static final long PERCENT = 100;

    private final Set<Tier> modelTiers;
    private final long platformFeePercent;

    PartnerTier(Set<Tier> modelTiers, long platformFeePercent) {
        this.modelTiers = Set.copyOf(modelTiers);
        this.platformFeePercent = platformFeePercent;
    }

    public long platformFeePercent() {
        return platformFeePercent;
    }

    public boolean allows(Tier tier) {
        return modelTiers.contains(tier);
    }

    /** The platform fee on a key budget, rounded up once to the next micro-credit. */
    public Credits platformFeeOn(Credits budget) {
        requireNotNegative(budget);
        return ExactCredits.of(budget).times(platformFeePercent, PERCENT).roundUp();
    }

    /** What creating a key with this budget takes from the partner: budget plus platform fee. */
    public Credits totalRequiredFor(Credits budget) {
        return budget.plus(platformFeeOn(budget));
    }

    private static void requireNotNegative(Credits budget) {
        if (budget.isNegative()) {
            throw new IllegalArgumentException("budget must not be negative: " + budget);
        }
    }
}
