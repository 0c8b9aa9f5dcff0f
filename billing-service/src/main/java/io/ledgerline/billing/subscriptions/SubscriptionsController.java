package io.ledgerline.billing.subscriptions;

import io.ledgerline.billing.commerce.Owners;
import io.ledgerline.contracts.ledger.AccountId.HolderKind;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The Subscriptions tab (R17): subscribe to a recurring plan and cancel at period end ({@code
 * billing.purchases}); read the subscriptions, their periods and next billing dates ({@code
 * billing.read}).
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/subscriptions")
class SubscriptionsController {

    record NewSubscription(String subscriptionId, String planId, String paymentMethodId) {}

    private final Subscriptions subscriptions;

    SubscriptionsController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** 202: the period's allocation follows the provider's event. */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    Subscription subscribe(@PathVariable String accountId, @RequestBody NewSubscription body) {
        return subscriptions.subscribe(
                Owners.requireKind(accountId, HolderKind.CUSTOMER),
                body.subscriptionId(),
                body.planId(),
                body.paymentMethodId());
    }

    @GetMapping
    List<Subscription> list(@PathVariable String accountId) {
        return subscriptions.of(Owners.require(accountId));
    }

    @GetMapping("/{subscriptionId}")
    Subscription one(@PathVariable String accountId, @PathVariable String subscriptionId) {
        return subscriptions.one(Owners.require(accountId), subscriptionId);
    }

    @PostMapping("/{subscriptionId}/cancel")
    Subscription cancel(@PathVariable String accountId, @PathVariable String subscriptionId) {
        return subscriptions.cancelAtPeriodEnd(Owners.require(accountId), subscriptionId);
    }
}
