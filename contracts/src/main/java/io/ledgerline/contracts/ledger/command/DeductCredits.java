package io.ledgerline.contracts.ledger.command;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.money.Credits;

/** Deducts credits with a reason (a refund or a correction); never below zero. */
public record DeductCredits(String commandId, AccountId accountId, Credits amountUcr, String reason)
        implements LedgerCommand {}
