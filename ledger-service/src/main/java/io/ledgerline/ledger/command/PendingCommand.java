package io.ledgerline.ledger.command;

import io.ledgerline.contracts.ledger.command.LedgerCommand;

import java.util.concurrent.CompletableFuture;

/** A command waiting in a partition's queue, with the future its caller waits on. */
record PendingCommand(
        LedgerCommand command, String payloadHash, CompletableFuture<CommandAnswer> answer) {

    PendingCommand(LedgerCommand command) {
        this(command, CommandLog.payloadHash(command), new CompletableFuture<>());
    }
}
