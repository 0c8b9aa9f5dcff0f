package io.ledgerline.portal.billing;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.audit.AuditAction;
import io.ledgerline.portal.audit.AuditEntry;
import io.ledgerline.portal.audit.Audited;
import io.ledgerline.portal.downstream.BillingClient;
import io.ledgerline.portal.downstream.BillingClient.NewPlan;
import io.ledgerline.portal.downstream.BillingViews.CreditPlan;
import io.ledgerline.portal.problem.RequestFields;
import io.ledgerline.portal.session.PortalUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashSet;
import java.util.List;

/**
 * Settings → Customer Credit Plans (R16): a partner's plans (name, price, AI credits, one-off or
 * monthly), created and archived, and which of them each customer sees.
 */
@RestController
class CreditPlansController {

    /** At most this many plans in one customer's visible list, as billing allows. */
    static final int MAX_VISIBLE_PLANS = 100;

    enum Interval {
        MONTH
    }

    record PlanForm(String name, Long priceUsdCents, Credits aiCreditsUcr, Interval interval) {}

    /** {@code planIds} null: the customer sees every active plan. */
    record Visibility(List<String> planIds) {}

    private final BillingAccount account;
    private final BillingClient billing;
    private final Audited audited;

    CreditPlansController(BillingAccount account, BillingClient billing, Audited audited) {
        this.account = account;
        this.billing = billing;
        this.audited = audited;
    }

    @GetMapping("/api/portal/partner/credit-plans")
    List<CreditPlan> plans(PortalUser user) {
        account.ownPartner(user);
        return billing.plansOf(user.partnerId());
    }

    @PostMapping(
            path = "/api/portal/partner/credit-plans",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CreditPlan create(PortalUser user, @RequestBody PlanForm body) {
        var owner = account.ownPartner(user);
        var plan =
                new NewPlan(
                        RequestFields.text("name", body.name(), BillingFields.MAX_PLAN_NAME_CHARS),
                        BillingFields.cents(
                                "priceUsdCents",
                                body.priceUsdCents(),
                                1,
                                BillingFields.MAX_PRICE_CENTS),
                        BillingFields.planCredits(body.aiCreditsUcr()),
                        body.interval() == null ? null : body.interval().name());
        return audited.call(
                AuditEntry.by(user, AuditAction.CREDIT_PLAN_CREATED, owner, null, plan),
                () -> billing.createPlan(user.partnerId(), plan),
                created -> created);
    }

    @PostMapping("/api/portal/partner/credit-plans/{planId}/archive")
    CreditPlan archive(PortalUser user, @PathVariable String planId) {
        var owner = account.ownPartner(user);
        var plan = ownPlan(user, planId);
        return audited.call(
                AuditEntry.by(user, AuditAction.CREDIT_PLAN_ARCHIVED, owner, plan, null),
                () -> billing.archivePlan(user.partnerId(), plan.planId()),
                archived -> archived);
    }

    @GetMapping("/api/portal/partner/customers/{accountId}/credit-plans")
    List<CreditPlan> visibleTo(PortalUser user, @PathVariable String accountId) {
        var customer = account.customerOf(user, accountId);
        return billing.plansVisibleTo(BillingAccount.holderId(customer));
    }

    @PutMapping(
            path = "/api/portal/partner/customers/{accountId}/credit-plan-visibility",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    List<CreditPlan> restrict(
            PortalUser user, @PathVariable String accountId, @RequestBody Visibility body) {
        var customer = account.customerOf(user, accountId);
        var planIds = body.planIds();
        if (planIds != null) {
            if (planIds.size() > MAX_VISIBLE_PLANS) {
                throw Refused.field(
                        CommonRefusal.OUT_OF_RANGE,
                        "planIds",
                        "at most " + MAX_VISIBLE_PLANS + " plans");
            }
            var own = new HashSet<String>();
            billing.plansOf(user.partnerId()).forEach(plan -> own.add(plan.planId()));
            for (var planId : planIds) {
                if (!own.contains(BillingFields.id("planIds", planId))) {
                    throw Refused.field(
                            BillingRefusal.PLAN_NOT_FOUND, "planIds", "no plan " + planId);
                }
            }
        }
        return audited.call(
                AuditEntry.by(
                        user, AuditAction.CREDIT_PLAN_VISIBILITY_CHANGED, customer, null, body),
                () -> billing.restrictPlans(BillingAccount.holderId(customer), planIds),
                visible -> body);
    }

    private CreditPlan ownPlan(PortalUser user, String planId) {
        BillingFields.id("planId", planId);
        return billing.plansOf(user.partnerId()).stream()
                .filter(plan -> plan.planId().equals(planId))
                .findFirst()
                .orElseThrow(
                        () ->
                                new Refused(
                                        BillingRefusal.PLAN_NOT_FOUND,
                                        "you have no plan " + planId));
    }
}
