package io.ledgerline.portal.billing;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.audit.AuditAction;
import io.ledgerline.portal.audit.AuditEntry;
import io.ledgerline.portal.audit.Audited;
import io.ledgerline.portal.downstream.BillingClient;
import io.ledgerline.portal.downstream.BillingViews.AutoTopUp;
import io.ledgerline.portal.downstream.BillingViews.TopUpCharge;
import io.ledgerline.portal.downstream.DownstreamRefusal;
import io.ledgerline.portal.problem.RequestFields;
import io.ledgerline.portal.session.PortalUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * Auto top-up of a customer's AI credits (R21): its partner sets it in the customer's Manage panel,
 * the customer in its own AI Credits tab. A threshold and one of the partner's active plans the
 * customer may see; switched off, or stopped by billing after a refused payment (saving it again
 * starts it). Every change is audited with the settings before and after.
 */
@RestController
class AutoTopUpController {

    /** billing's ceiling for a threshold: one billion credits. */
    static final Credits MAX_THRESHOLD = Credits.ofCredits(1_000_000_000L);

    record Settings(Credits thresholdUcr, String planId) {}

    /**
     * {@code status}: OFF, ARMED (buys at the next drop below the threshold), WAITING (bought for
     * this drop) or FAILED (stopped, {@code failureCode} says why).
     */
    record AutoTopUpState(
            String accountId,
            Credits thresholdUcr,
            String planId,
            String status,
            String failureCode,
            Instant updatedAt,
            TopUpCharge lastCharge) {

        static AutoTopUpState off(String accountId) {
            return new AutoTopUpState(accountId, null, null, "OFF", null, null, null);
        }

        static AutoTopUpState of(String accountId, AutoTopUp topUp) {
            var charges = topUp.recentCharges();
            return new AutoTopUpState(
                    accountId,
                    topUp.thresholdUcr(),
                    topUp.planId(),
                    topUp.status(),
                    topUp.failureCode(),
                    topUp.updatedAt(),
                    charges == null || charges.isEmpty() ? null : charges.get(0));
        }

        Settings settings() {
            return "OFF".equals(status) ? null : new Settings(thresholdUcr, planId);
        }
    }

    private final BillingAccount account;
    private final BillingClient billing;
    private final Audited audited;

    AutoTopUpController(BillingAccount account, BillingClient billing, Audited audited) {
        this.account = account;
        this.billing = billing;
        this.audited = audited;
    }

    @GetMapping("/api/portal/partner/customers/{accountId}/auto-top-up")
    AutoTopUpState ofCustomer(PortalUser user, @PathVariable String accountId) {
        return read(account.customerOf(user, accountId));
    }

    @PutMapping(
            path = "/api/portal/partner/customers/{accountId}/auto-top-up",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    AutoTopUpState setForCustomer(
            PortalUser user, @PathVariable String accountId, @RequestBody Settings body) {
        return set(user, account.customerOf(user, accountId), body);
    }

    @DeleteMapping("/api/portal/partner/customers/{accountId}/auto-top-up")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void offForCustomer(PortalUser user, @PathVariable String accountId) {
        off(user, account.customerOf(user, accountId));
    }

    @GetMapping("/api/portal/billing/auto-top-up")
    AutoTopUpState own(PortalUser user) {
        return read(account.ownCustomer(user));
    }

    @PutMapping(
            path = "/api/portal/billing/auto-top-up",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    AutoTopUpState setOwn(PortalUser user, @RequestBody Settings body) {
        return set(user, account.ownCustomer(user), body);
    }

    @DeleteMapping("/api/portal/billing/auto-top-up")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void offOwn(PortalUser user) {
        off(user, account.ownCustomer(user));
    }

    private AutoTopUpState read(String customer) {
        try {
            return AutoTopUpState.of(customer, billing.autoTopUp(customer));
        } catch (DownstreamRefusal refused) {
            if (BillingRefusal.AUTO_TOP_UP_NOT_SET.name().equals(refused.code())) {
                return AutoTopUpState.off(customer);
            }
            throw refused;
        }
    }

    private AutoTopUpState set(PortalUser user, String customer, Settings body) {
        var threshold = threshold(body.thresholdUcr());
        var planId = BillingFields.id("planId", body.planId());
        requireVisiblePlan(customer, planId);
        var before = read(customer).settings();
        var after = new Settings(threshold, planId);
        return audited.call(
                AuditEntry.by(user, AuditAction.AUTO_TOP_UP_SET, customer, before, after),
                () ->
                        AutoTopUpState.of(
                                customer, billing.setAutoTopUp(customer, threshold, planId)),
                AutoTopUpState::settings);
    }

    private void off(PortalUser user, String customer) {
        var before = read(customer).settings();
        audited.call(
                AuditEntry.by(user, AuditAction.AUTO_TOP_UP_SWITCHED_OFF, customer, before, null),
                () -> {
                    billing.autoTopUpOff(customer);
                    return customer;
                },
                done -> null);
    }

    /** Only a plan the customer could buy itself: another partner's, archived or hidden is not. */
    private void requireVisiblePlan(String customer, String planId) {
        var visible =
                billing.plansVisibleTo(BillingAccount.holderId(customer)).stream()
                        .anyMatch(plan -> plan.planId().equals(planId));
        if (!visible) {
            throw Refused.field(
                    BillingRefusal.PLAN_NOT_AVAILABLE,
                    "planId",
                    "plan " + planId + " is not one this customer can buy");
        }
    }

    private static Credits threshold(Credits value) {
        RequestFields.required("thresholdUcr", value);
        if (!value.isPositive() || value.compareTo(MAX_THRESHOLD) > 0) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    "thresholdUcr",
                    "thresholdUcr must be above zero and at most 1,000,000,000 credits");
        }
        return value;
    }
}
