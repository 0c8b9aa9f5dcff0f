package io.ledgerline.billing.methods;

import io.ledgerline.contracts.ledger.AccountId;

/** Something that will charge an owner's default method later (a subscription's renewal). */
public interface MethodsInUse {

    boolean chargesDefaultOf(AccountId owner);
}
