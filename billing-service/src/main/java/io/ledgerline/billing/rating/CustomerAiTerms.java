package io.ledgerline.billing.rating;

import io.ledgerline.contracts.money.Credits;

import java.util.Optional;

/** A customer's AI-credit terms as last configured in the ledger (R13). */
public interface CustomerAiTerms {

    Optional<Terms> termsOf(String customerId);

    /**
     * Whether AI credits are on (off: the partner pays), the price per call minute and the grace
     * period a running call may use past the balance.
     */
    record Terms(boolean enabled, Credits pricePerMinute, long graceSeconds) {}
}
