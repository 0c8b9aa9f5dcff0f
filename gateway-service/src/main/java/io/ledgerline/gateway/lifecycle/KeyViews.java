package io.ledgerline.gateway.lifecycle;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.gateway.livekey.LiveKey;
import io.ledgerline.gateway.management.KeyView;
import io.ledgerline.gateway.projection.LedgerProjection;
import io.ledgerline.gateway.status.PartnerReserve;

import org.springframework.stereotype.Component;

import java.time.Clock;

/** Builds what the keys table shows (R11) from a live key and the ledger projection. */
@Component
class KeyViews {

    private final LedgerProjection projection;
    private final PartnerReserve reserve;
    private final Clock clock;

    KeyViews(LedgerProjection projection, PartnerReserve reserve, Clock clock) {
        this.projection = projection;
        this.reserve = reserve;
        this.clock = clock;
    }

    KeyView of(LiveKey live) {
        var c = live.config();
        var reserved = Credits.ZERO;
        var fees = Credits.ZERO;
        var spentWithFees = Credits.ZERO;
        for (var funding : live.fundings()) {
            reserved = reserved.plus(funding.amount());
            fees = fees.plus(funding.fee());
            if (funding.isBudget()) {
                spentWithFees = spentWithFees.plus(projection.settledFrom(funding.reservationId()));
            }
        }
        Credits budget = null;
        Credits spent;
        Credits remaining = null;
        if (c.isSelfService()) {
            spent = live.charged();
        } else {
            for (var pot : live.budget()) {
                spentWithFees = spentWithFees.plus(pot.unbilled());
            }
            budget = reserved.minus(fees);
            spent = spentWithFees.minus(fees);
            remaining = live.revoked() ? Credits.ZERO : budget.minus(spent);
        }
        var billing = c.customerBilling();
        return new KeyView(
                c.keyId(),
                c.kind().name(),
                c.partnerId(),
                c.customerId(),
                c.name(),
                c.description(),
                live.secretPrefix(),
                status(live),
                c.allowedModels(),
                c.allowedDomains(),
                budget,
                spent,
                remaining,
                reserved,
                fees,
                billing == null ? null : billing.profitMultiplierPercent(),
                billing == null ? null : billing.aiCreditPriceUcr(),
                billing == null ? null : billing.minCostFloorPerMillionTokensUcr(),
                autoTopUpOf(live),
                c.rateLimits(),
                c.expiresAt(),
                c.createdAt(),
                live.lastUsedAt(),
                null);
    }

    private static KeyView.AutoTopUpView autoTopUpOf(LiveKey live) {
        var terms = live.config().autoTopUp();
        if (terms == null) {
            return null;
        }
        var state = live.autoTopUpState();
        return new KeyView.AutoTopUpView(
                terms.thresholdCents(),
                terms.amountCents(),
                state.topUps(),
                state.lastTopUpAt(),
                state.lastResult(),
                state.lastAttemptAt(),
                state.retryNotBefore());
    }

    private String status(LiveKey live) {
        if (live.revoked()) {
            return "REVOKED";
        }
        var expiry = live.config().expiresAt();
        if (expiry != null && !clock.instant().isBefore(expiry)) {
            return "EXPIRED";
        }
        return reserve.suspends(live.config()) ? "SUSPENDED" : "ACTIVE";
    }
}
