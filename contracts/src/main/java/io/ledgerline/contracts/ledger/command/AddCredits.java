package io.ledgerline.contracts.ledger.command;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.money.Credits;

/**
 * Adds platform credits to a partner (top-up, Quick Buy) or AI credits to a customer, with a note.
 */
public record AddCredits(String commandId, AccountId accountId, Credits amountUcr, String note)
        implements LedgerCommand {}
