package io.ledgerline.billing.subscriptions;

import io.ledgerline.billing.invoices.Invoice;
import io.ledgerline.billing.invoices.Invoices;
import io.ledgerline.billing.methods.PaymentMethods;
import io.ledgerline.billing.plans.CreditPlan;
import io.ledgerline.billing.plans.CreditPlans;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Subscriptions (R17): a customer subscribes to a recurring plan, each period is invoiced and
 * charged to a saved method, and its allocation is granted only when the provider's event says the
 * payment succeeded ({@link AllocationGrant}). A failed payment leaves the subscription past due
 * with nothing granted until its invoice is paid. Cancelling ends it at the period's end.
 */
@Service
public class Subscriptions {

    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

    private final CreditPlans plans;
    private final PaymentMethods methods;
    private final Invoices invoices;
    private final SubscriptionStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Subscriptions(
            CreditPlans plans,
            PaymentMethods methods,
            Invoices invoices,
            SubscriptionStore store,
            TransactionTemplate transactions,
            Clock clock) {
        this.plans = plans;
        this.methods = methods;
        this.invoices = invoices;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Subscribes the customer and charges the first period. Idempotent on the subscription id: the
     * same request again answers the subscription as it is and charges nothing more.
     */
    Subscription subscribe(AccountId owner, String subscriptionId, String planId, String methodId) {
        requireId(subscriptionId, "subscriptionId");
        requireId(planId, "planId");
        var seen = store.find(subscriptionId);
        if (seen.isPresent()) {
            return sameRequest(seen.get(), owner, planId);
        }
        var plan = plans.purchasable(owner.holderId(), planId);
        if (!plan.recurring()) {
            throw Refused.field(
                    BillingRefusal.PLAN_NOT_RECURRING,
                    "planId",
                    "plan " + planId + " is bought once; it has no interval");
        }
        if (store.liveOf(owner.value(), planId).isPresent()) {
            throw new Refused(
                    BillingRefusal.SUBSCRIPTION_EXISTS,
                    owner + " already subscribes to plan " + planId);
        }
        var method = methods.chargeable(owner, methodId);
        String invoiceId;
        try {
            invoiceId = transactions.execute(status -> start(owner, subscriptionId, plan));
        } catch (DuplicateKeyException concurrent) {
            var raced = store.find(subscriptionId);
            if (raced.isPresent()) {
                return sameRequest(raced.get(), owner, planId);
            }
            throw new Refused(
                    BillingRefusal.SUBSCRIPTION_EXISTS,
                    owner + " already subscribes to plan " + planId);
        }
        charge(owner, subscriptionId, invoiceId, method);
        return store.find(subscriptionId).orElseThrow();
    }

    Subscription one(AccountId owner, String subscriptionId) {
        return store.find(subscriptionId)
                .filter(s -> s.owner().equals(owner.value()))
                .orElseThrow(
                        () ->
                                new Refused(
                                        BillingRefusal.SUBSCRIPTION_NOT_FOUND,
                                        owner + " has no subscription " + subscriptionId));
    }

    /** Every subscription of the account, the canceled ones too, oldest first. */
    public List<Subscription> of(AccountId owner) {
        return store.of(owner.value());
    }

    /** Ends the subscription at its period's end: nothing is charged or granted after it. */
    Subscription cancelAtPeriodEnd(AccountId owner, String subscriptionId) {
        return transactions.execute(
                status -> {
                    var subscription =
                            store.lock(subscriptionId)
                                    .filter(s -> s.owner().equals(owner.value()))
                                    .orElseThrow(
                                            () ->
                                                    new Refused(
                                                            BillingRefusal.SUBSCRIPTION_NOT_FOUND,
                                                            owner
                                                                    + " has no subscription "
                                                                    + subscriptionId));
                    if (!subscription.live() || subscription.cancelAtPeriodEnd()) {
                        throw new Refused(
                                BillingRefusal.SUBSCRIPTION_CANCELED,
                                "subscription " + subscriptionId + " is already ending");
                    }
                    store.cancelAtPeriodEnd(subscriptionId);
                    return store.find(subscriptionId).orElseThrow();
                });
    }

    /**
     * Starts the period after the current one, invoiced, when the current one is over; a
     * subscription cancelled at period end is canceled instead. Answers the new period's invoice,
     * null when nothing is to be charged (another sweeper holds it, it is not due, it ended).
     */
    String nextPeriod(String subscriptionId) {
        return transactions.execute(
                status -> {
                    var subscription = store.lockIfFree(subscriptionId).orElse(null);
                    var now = clock.instant();
                    if (subscription == null
                            || !subscription.live()
                            || subscription.currentPeriodEnd().isAfter(now)) {
                        return null;
                    }
                    if (subscription.cancelAtPeriodEnd()) {
                        store.canceled(subscriptionId, subscription.currentPeriodEnd());
                        return null;
                    }
                    if (subscription.status() != Subscription.Status.ACTIVE) {
                        return null;
                    }
                    var start = subscription.currentPeriodEnd();
                    var end = Periods.end(start, subscription.interval());
                    int periodNo = subscription.periodNo() + 1;
                    var invoice =
                            invoices.issue(
                                    AccountId.of(subscription.owner()),
                                    List.of(
                                            line(
                                                    subscription.planName(),
                                                    subscription,
                                                    start,
                                                    end)));
                    store.insertPeriod(subscriptionId, periodNo, start, end, invoice.invoiceId());
                    store.advance(subscriptionId, periodNo, start, end);
                    return invoice.invoiceId();
                });
    }

    /**
     * Charges a period's invoice; a refused payment (declined, no method) makes the subscription
     * past due and is rethrown.
     */
    void charge(AccountId owner, String subscriptionId, String invoiceId, String methodId) {
        try {
            invoices.pay(owner, invoiceId, methodId);
        } catch (Refused refused) {
            log.info(
                    "subscription {} is past due: invoice {} was not paid ({})",
                    subscriptionId,
                    invoiceId,
                    refused.code());
            store.status(subscriptionId, Subscription.Status.PAST_DUE);
            throw refused;
        }
    }

    private String start(AccountId owner, String subscriptionId, CreditPlan plan) {
        var now = clock.instant();
        var end = Periods.end(now, plan.interval().name());
        var subscription =
                new Subscription(
                        subscriptionId,
                        owner.value(),
                        plan.planId(),
                        plan.name(),
                        plan.priceUsdCents(),
                        plan.aiCreditsUcr(),
                        plan.interval().name(),
                        Subscription.Status.ACTIVE,
                        1,
                        now,
                        end,
                        end,
                        false,
                        null,
                        null,
                        now);
        store.insert(subscription);
        var invoice = invoices.issue(owner, List.of(line(plan.name(), subscription, now, end)));
        store.insertPeriod(subscriptionId, 1, now, end, invoice.invoiceId());
        return invoice.invoiceId();
    }

    private static Invoice.Line line(
            String planName, Subscription subscription, Instant start, Instant end) {
        var day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
        return Invoice.Line.of(
                planName + " (AI credits, " + day.format(start) + " to " + day.format(end) + ")",
                1,
                subscription.priceUsdCents());
    }

    private static Subscription sameRequest(Subscription seen, AccountId owner, String planId) {
        if (!seen.owner().equals(owner.value()) || !seen.planId().equals(planId)) {
            throw Refused.field(
                    Rejection.EXISTS_WITH_DIFFERENT_PAYLOAD,
                    "subscriptionId",
                    "subscription " + seen.subscriptionId() + " was made with other details");
        }
        return seen;
    }

    private static void requireId(String id, String field) {
        if (id == null) {
            throw Refused.field(CommonRefusal.FIELD_REQUIRED, field, field + " is required");
        }
        if (!Ids.isSafe(id)) {
            throw Refused.field(
                    CommonRefusal.INVALID_ID,
                    field,
                    field + " must be 1-64 letters, digits, '.', '_' or '-'");
        }
    }
}
