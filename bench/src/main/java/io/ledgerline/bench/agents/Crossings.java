package io.ledgerline.bench.agents;

import io.ledgerline.contracts.ledger.AccountId;

/** How the alerts bench makes a customer and then its one crossing of the low-credit threshold. */
interface Crossings extends AutoCloseable {

    void open(AccountId customer, String partnerId) throws Exception;

    void configure(AccountId customer, long thresholdCredits) throws Exception;

    void add(AccountId customer, String partnerId, long credits) throws Exception;

    /** The measured step: usage that takes the balance below the threshold. */
    void use(AccountId customer, String partnerId, long credits) throws Exception;

    @Override
    void close();
}
