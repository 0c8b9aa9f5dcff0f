package io.ledgerline.billing.customers;

import java.util.Optional;

/** Which partner a customer belongs to, as the ledger opened its account. */
public interface CustomerPartners {

    Optional<String> partnerOf(String customerId);
}
