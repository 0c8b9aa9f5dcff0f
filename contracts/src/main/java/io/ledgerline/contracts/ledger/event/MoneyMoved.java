package io.ledgerline.contracts.ledger.event;

import io.ledgerline.contracts.ledger.Transfer;

/** A ledger event that moves credit: one transfer, debit and credit on the same ledger. */
public sealed interface MoneyMoved extends LedgerEvent
        permits CreditsAdded,
                CreditsDeducted,
                UsageMetered,
                CreditsReserved,
                ReservationSettled,
                ReservationReleased,
                KeyDepositReserved {

    /** The movement; only a {@link ReservationReleased} with nothing left has none (null). */
    Transfer transfer();

    /** How the holder's history shows it: Added, Deducted, Used, Reserved or Released. */
    HistoryType historyType();
}
