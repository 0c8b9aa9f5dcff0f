package io.ledgerline.contracts.ledger.command;

import io.ledgerline.contracts.ledger.AccountId;

/**
 * A request to the ledger. The client chooses {@code commandId}: the same id with the same payload
 * returns the first result and appends nothing; the same id with another payload is refused with
 * {@code EXISTS_WITH_DIFFERENT_PAYLOAD}.
 */
public sealed interface LedgerCommand
        permits OpenAccount,
                ConfigureAiCredits,
                AddCredits,
                DeductCredits,
                ReverseTransfer,
                MeterUsage,
                ReserveCredits,
                SettleReservation,
                ReleaseReservation,
                ReserveKeyDeposit {

    String commandId();

    AccountId accountId();
}
