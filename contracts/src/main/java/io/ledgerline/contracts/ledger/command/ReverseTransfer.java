package io.ledgerline.contracts.ledger.command;

import io.ledgerline.contracts.ledger.AccountId;

/** Corrects an earlier addition or deduction by a new, opposite transfer that references it. */
public record ReverseTransfer(String commandId, AccountId accountId, String eventId, String reason)
        implements LedgerCommand {}
