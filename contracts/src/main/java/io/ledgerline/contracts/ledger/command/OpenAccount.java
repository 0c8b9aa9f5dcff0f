package io.ledgerline.contracts.ledger.command;

import io.ledgerline.contracts.ledger.AccountId;

/**
 * Opens a partner's account ({@code partnerId} is the partner itself) or a customer's under its
 * partner.
 */
public record OpenAccount(String commandId, AccountId accountId, String partnerId)
        implements LedgerCommand {}
