package io.ledgerline.gateway.settings;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.rating.PartnerTier;

import java.time.Instant;

/**
 * A partner's gateway settings: its tier (R10, which model bands its keys may use and its platform
 * fee) and the customer self-service settings (R12). {@code aiCreditPriceUcr} is the AI credit's
 * price in platform micro-credits (1 US cent = 1 platform credit).
 */
public record PartnerSettings(
        String partnerId,
        PartnerTier tier,
        boolean selfServiceEnabled,
        boolean applyToNewCustomers,
        boolean applyToExistingCustomers,
        long defaultProfitMultiplierPercent,
        Credits aiCreditPriceUcr,
        Instant selfServiceEnabledAt,
        Instant updatedAt) {

    public static PartnerSettings defaults(String partnerId) {
        return new PartnerSettings(
                partnerId,
                PartnerTier.STARTER,
                false,
                true,
                false,
                100,
                Credits.ofCredits(1),
                null,
                null);
    }

    /**
     * R12: a customer may create self-service keys when the master toggle is on and the setting
     * covers it: customers whose account opened after self-service was switched on are "new".
     */
    public boolean selfServiceAppliesTo(Instant customerOpenedAt) {
        if (!selfServiceEnabled) {
            return false;
        }
        boolean isNew =
                customerOpenedAt != null
                        && selfServiceEnabledAt != null
                        && !customerOpenedAt.isBefore(selfServiceEnabledAt);
        return isNew ? applyToNewCustomers : applyToExistingCustomers;
    }
}
