package io.ledgerline.billing.rating;

import io.ledgerline.contracts.money.Credits;

import java.util.Optional;

/** A customer's price per call minute in AI credits, as last configured in the ledger (R13). */
public interface CustomerPricePerMinute {

    Optional<Credits> of(String customerId);
}
