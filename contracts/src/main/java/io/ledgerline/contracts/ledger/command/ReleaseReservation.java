package io.ledgerline.contracts.ledger.command;

import io.ledgerline.contracts.ledger.AccountId;

/** Returns what is left of a reservation to the holder and closes it. */
public record ReleaseReservation(
        String commandId, AccountId accountId, String reservationId, String reason)
        implements LedgerCommand {}
