package io.ledgerline.ledger.writer;

import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.ledger.api.CommandAnswer;

import java.util.concurrent.CompletableFuture;

/** A command waiting in a partition's queue, with the future its caller waits on. */
record PendingCommand(
        LedgerCommand command, String payloadHash, CompletableFuture<CommandAnswer> answer) {

    PendingCommand(LedgerCommand command) {
        this(command, CommandLog.payloadHash(command), new CompletableFuture<>());
    }
}
