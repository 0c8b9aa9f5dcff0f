package io.ledgerline.portal.billing;

import io.ledgerline.portal.audit.AuditAction;
import io.ledgerline.portal.audit.AuditEntry;
import io.ledgerline.portal.audit.Audited;
import io.ledgerline.portal.downstream.BillingClient;
import io.ledgerline.portal.downstream.BillingViews.AiCreditsTab;
import io.ledgerline.portal.downstream.BillingViews.CreditPlan;
import io.ledgerline.portal.downstream.BillingViews.Purchase;
import io.ledgerline.portal.session.PortalUser;
import io.ledgerline.portal.tenancy.CommandIds;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Buying credits through billing's payment provider: a customer buys one of the credit plans its
 * partner left visible to it (R16) from the AI Credits tab (R17); a partner Quick Buys platform
 * credits, 100 per US dollar. Both answer 202: the credits follow the provider's event. The
 * purchase id is the SPA's command id, scoped to the tenant, so a double click buys once.
 */
@RestController
@RequestMapping("/api/portal/billing")
class PurchasesController {

    record PlanPurchase(String commandId, String planId, String paymentMethodId) {}

    record QuickBuy(String commandId, Long amountUsdCents, String paymentMethodId) {}

    record Bought(String purchaseId, String planId, long priceUsdCents, String status) {

        static Bought of(Purchase purchase) {
            return new Bought(
                    purchase.purchaseId(),
                    purchase.planId(),
                    purchase.priceUsdCents(),
                    purchase.status());
        }
    }

    private final BillingAccount account;
    private final BillingClient billing;
    private final Audited audited;

    PurchasesController(BillingAccount account, BillingClient billing, Audited audited) {
        this.account = account;
        this.billing = billing;
        this.audited = audited;
    }

    @GetMapping("/purchases")
    List<Purchase> purchases(PortalUser user) {
        return billing.purchases(account.own(user));
    }

    /** R16: only the active plans the customer's partner left visible to it. */
    @GetMapping("/credit-plans")
    List<CreditPlan> plans(PortalUser user) {
        return billing.plansVisibleTo(BillingAccount.holderId(account.ownCustomer(user)));
    }

    @GetMapping("/ai-credits")
    AiCreditsTab aiCredits(PortalUser user) {
        return billing.aiCredits(account.ownCustomer(user));
    }

    @PostMapping(path = "/purchases", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Purchase buyPlan(PortalUser user, @RequestBody PlanPurchase body) {
        var owner = account.ownCustomer(user);
        var purchaseId = CommandIds.scoped(user, body.commandId());
        var planId = BillingFields.id("planId", body.planId());
        var methodId = BillingFields.optionalId("paymentMethodId", body.paymentMethodId());
        var asked = new Bought(purchaseId, planId, 0, null);
        return audited.call(
                AuditEntry.by(user, AuditAction.CREDIT_PLAN_BOUGHT, owner, null, asked),
                () -> billing.buyPlan(owner, purchaseId, planId, methodId),
                Bought::of);
    }

    @PostMapping(path = "/quick-buy", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Purchase quickBuy(PortalUser user, @RequestBody QuickBuy body) {
        var owner = account.ownPartner(user);
        var purchaseId = CommandIds.scoped(user, body.commandId());
        var cents =
                BillingFields.cents(
                        "amountUsdCents",
                        body.amountUsdCents(),
                        BillingFields.MIN_QUICK_BUY_CENTS,
                        BillingFields.MAX_QUICK_BUY_CENTS);
        var methodId = BillingFields.optionalId("paymentMethodId", body.paymentMethodId());
        var asked = new Bought(purchaseId, null, cents, null);
        return audited.call(
                AuditEntry.by(user, AuditAction.PLATFORM_CREDITS_BOUGHT, owner, null, asked),
                () -> billing.quickBuy(owner, purchaseId, cents, methodId),
                Bought::of);
    }
}
