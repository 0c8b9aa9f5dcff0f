package io.ledgerline.ledger.api;

import io.ledgerline.contracts.ledger.command.CommandResult;

/** The ledger's answer to a command, and whether it is a replay of an earlier answer. */
public record CommandAnswer(CommandResult result, boolean replayed) {}
