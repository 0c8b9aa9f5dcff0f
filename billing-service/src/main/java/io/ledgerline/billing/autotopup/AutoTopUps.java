package io.ledgerline.billing.autotopup;

import io.ledgerline.billing.customers.CustomerPartners;
import io.ledgerline.billing.plans.CreditPlans;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/**
 * A customer's auto top-up settings, set by its partner or by the customer (through the portal).
 */
@Service
class AutoTopUps {

    /** The highest threshold: one billion credits, far above any balance a customer keeps. */
    static final long MAX_THRESHOLD_UCR = 1_000_000_000L * 1_000_000L;

    private final AutoTopUpStore store;
    private final CreditPlans plans;
    private final CustomerPartners customers;
    private final Clock clock;

    AutoTopUps(AutoTopUpStore store, CreditPlans plans, CustomerPartners customers, Clock clock) {
        this.store = store;
        this.plans = plans;
        this.customers = customers;
        this.clock = clock;
    }

    /**
     * Saves the settings. Saving arms the auto top-up (and starts a stopped one again), except that
     * one which already bought for the present crossing stays waiting while the balance is still
     * below the threshold, so that saving the same settings twice never buys twice.
     */
    @Transactional
    AutoTopUp set(AccountId customer, BigDecimal thresholdUcr, String planId) {
        long threshold = requireThreshold(thresholdUcr);
        requireId(planId);
        var customerId = customer.holderId();
        var plan = plans.purchasable(customerId, planId);
        var partnerId = customers.partnerOf(customerId).orElseThrow();
        var before = store.lockSettings(customerId);
        var balance = store.lockBalance(customerId).balanceUcr();
        boolean waiting =
                before.isPresent()
                        && before.get().status() == AutoTopUp.Status.WAITING
                        && balance < threshold;
        store.save(
                new AutoTopUpStore.Settings(
                        customerId,
                        partnerId,
                        threshold,
                        plan.planId(),
                        waiting ? AutoTopUp.Status.WAITING : AutoTopUp.Status.ARMED,
                        null,
                        clock.instant()));
        return of(customer);
    }

    AutoTopUp of(AccountId customer) {
        var settings =
                store.settings(customer.holderId())
                        .orElseThrow(
                                () ->
                                        new Refused(
                                                BillingRefusal.AUTO_TOP_UP_NOT_SET,
                                                customer + " has no auto top-up"));
        return view(settings, store.chargesOf(customer.holderId()));
    }

    void off(AccountId customer) {
        store.delete(customer.holderId());
    }

    /** A partner's customers' auto top-ups, with their status (a stopped one says why). */
    List<AutoTopUp> ofPartner(String partnerId) {
        if (!Ids.isSafe(partnerId)) {
            throw Refused.field(CommonRefusal.INVALID_ID, "partnerId", "partnerId is not an id");
        }
        return store.ofPartner(partnerId).stream().map(s -> view(s, List.of())).toList();
    }

    private static AutoTopUp view(AutoTopUpStore.Settings s, List<TopUpCharge> charges) {
        return new AutoTopUp(
                s.customerId(),
                s.partnerId(),
                s.thresholdUcr(),
                s.planId(),
                s.status(),
                s.failureCode(),
                s.updatedAt(),
                charges);
    }

    private static long requireThreshold(BigDecimal thresholdUcr) {
        if (thresholdUcr == null) {
            throw Refused.field(
                    CommonRefusal.FIELD_REQUIRED, "thresholdUcr", "thresholdUcr is required");
        }
        boolean whole = thresholdUcr.stripTrailingZeros().scale() <= 0;
        boolean inRange =
                thresholdUcr.signum() >= 0
                        && thresholdUcr.compareTo(BigDecimal.valueOf(MAX_THRESHOLD_UCR)) <= 0;
        if (!whole || !inRange) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    "thresholdUcr",
                    "thresholdUcr must be whole micro-credits from 0 to " + MAX_THRESHOLD_UCR);
        }
        return thresholdUcr.longValueExact();
    }

    private static void requireId(String planId) {
        if (planId == null) {
            throw Refused.field(CommonRefusal.FIELD_REQUIRED, "planId", "planId is required");
        }
        if (!Ids.isSafe(planId)) {
            throw Refused.field(
                    CommonRefusal.INVALID_ID,
                    "planId",
                    "planId must be 1-64 letters, digits, '.', '_' or '-'");
        }
    }
}
