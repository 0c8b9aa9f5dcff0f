package io.ledgerline.billing.subscriptions;

import io.ledgerline.billing.methods.MethodsInUse;
import io.ledgerline.contracts.ledger.AccountId;

import org.springframework.stereotype.Component;

/** A live subscription that will renew charges the owner's default method. */
@Component
class DefaultMethodGuard implements MethodsInUse {

    private final SubscriptionStore store;

    DefaultMethodGuard(SubscriptionStore store) {
        this.store = store;
    }

    @Override
    public boolean chargesDefaultOf(AccountId owner) {
        return store.renewsWithDefault(owner.value());
    }
}
