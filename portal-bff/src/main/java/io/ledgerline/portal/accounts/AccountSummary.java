package io.ledgerline.portal.accounts;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.portal.tenancy.TenantGuard.Tenancy;

import java.time.Instant;

/**
 * What the portal shows of an account. {@code balanceUcr} is the spendable balance: a partner's
 * available platform credits, a customer's AI credits; {@code reservedUcr} is what is on hold.
 */
record AccountSummary(
        String accountId,
        String kind,
        String partnerId,
        String displayName,
        boolean aiCreditsEnabled,
        Credits balanceUcr,
        Credits reservedUcr,
        Credits lowCreditThresholdUcr,
        Instant lastUpdated) {

    static AccountSummary of(Tenancy tenancy) {
        var account = tenancy.account();
        var settings = account.aiCredits();
        return new AccountSummary(
                account.accountId(),
                account.kind(),
                account.partnerId(),
                tenancy.tenant().displayName(),
                account.aiCreditsEnabled(),
                account.spendableUcr(),
                account.reservedUcr(),
                settings == null ? null : settings.lowCreditThresholdUcr(),
                account.lastUpdated());
    }
}
