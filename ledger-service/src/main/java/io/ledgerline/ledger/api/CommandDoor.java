package io.ledgerline.ledger.api;

import io.ledgerline.contracts.ledger.command.CommandResult;
import io.ledgerline.contracts.ledger.command.LedgerCommand;

import java.util.concurrent.CompletableFuture;

/**
 * Where every feature hands the ledger a command. The writer behind it needs the accounts and their
 * reservations, so the features that send commands see only this door, never the writer.
 */
public interface CommandDoor {

    /** Submits one command; the future completes with the ledger's answer once it is durable. */
    CompletableFuture<CommandResult> submit(LedgerCommand command);

    /** Like {@link #submit} but also tells whether the answer is a replay of an earlier one. */
    CompletableFuture<CommandAnswer> submitForAnswer(LedgerCommand command);
}
