package io.ledgerline.contracts.ledger.command;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.money.Credits;

/** Spends part of an open reservation; what is left stays reserved until released. */
public record SettleReservation(
        String commandId,
        AccountId accountId,
        String reservationId,
        Credits amountUcr,
        String usageId)
        implements LedgerCommand {}
