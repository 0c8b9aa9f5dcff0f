package io.ledgerline.portal.billing;

import io.ledgerline.portal.audit.AuditAction;
import io.ledgerline.portal.audit.AuditEntry;
import io.ledgerline.portal.audit.Audited;
import io.ledgerline.portal.downstream.BillingClient;
import io.ledgerline.portal.downstream.BillingViews.Subscription;
import io.ledgerline.portal.session.PortalUser;
import io.ledgerline.portal.tenancy.CommandIds;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The Subscriptions tab (R17): a customer's subscriptions with their period and next billing date;
 * subscribe to a recurring plan it may see, cancel one at its period's end.
 */
@RestController
@RequestMapping("/api/portal/billing/subscriptions")
class SubscriptionsController {

    record NewSubscription(String commandId, String planId, String paymentMethodId) {}

    record Subscribed(String subscriptionId, String planId, String status) {

        static Subscribed of(Subscription subscription) {
            return new Subscribed(
                    subscription.subscriptionId(), subscription.planId(), subscription.status());
        }
    }

    private final BillingAccount account;
    private final BillingClient billing;
    private final Audited audited;

    SubscriptionsController(BillingAccount account, BillingClient billing, Audited audited) {
        this.account = account;
        this.billing = billing;
        this.audited = audited;
    }

    @GetMapping
    List<Subscription> list(PortalUser user) {
        return billing.subscriptions(account.own(user));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Subscription subscribe(PortalUser user, @RequestBody NewSubscription body) {
        var owner = account.ownCustomer(user);
        var subscriptionId = CommandIds.scoped(user, body.commandId());
        var planId = BillingFields.id("planId", body.planId());
        var methodId = BillingFields.optionalId("paymentMethodId", body.paymentMethodId());
        var asked = new Subscribed(subscriptionId, planId, null);
        return audited.call(
                AuditEntry.by(user, AuditAction.SUBSCRIPTION_STARTED, owner, null, asked),
                () -> billing.subscribe(owner, subscriptionId, planId, methodId),
                Subscribed::of);
    }

    /** Read first, so another tenant's id is refused before any write names it. */
    @PostMapping("/{subscriptionId}/cancel")
    Subscription cancel(PortalUser user, @PathVariable String subscriptionId) {
        var owner = account.ownCustomer(user);
        var current =
                Subscribed.of(
                        billing.subscription(
                                owner, BillingFields.id("subscriptionId", subscriptionId)));
        return audited.call(
                AuditEntry.by(user, AuditAction.SUBSCRIPTION_CANCELED, owner, current, null),
                () -> billing.cancelSubscription(owner, current.subscriptionId()),
                Subscribed::of);
    }
}
