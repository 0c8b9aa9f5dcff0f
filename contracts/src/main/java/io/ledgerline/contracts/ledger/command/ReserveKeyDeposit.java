package io.ledgerline.contracts.ledger.command;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.money.Credits;

/** Reserves the fixed deposit of a customer-created gateway key from its partner (R9). */
public record ReserveKeyDeposit(String commandId, AccountId accountId, String keyId)
        implements LedgerCommand {

    /**
     * R9: the deposit, and also the partner reserve below which the gateway suspends the partner's
     * customer-created keys.
     */
    public static final Credits KEY_DEPOSIT = Credits.ofCredits(1_000);

    public static String reservationIdFor(String keyId) {
        return "key-deposit-" + keyId;
    }
}
