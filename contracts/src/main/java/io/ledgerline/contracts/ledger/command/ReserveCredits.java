package io.ledgerline.contracts.ledger.command;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.money.Credits;

/**
 * Sets credits aside as a pending transfer. An open reservation is released by itself after {@code
 * timeoutSeconds}. {@code withinGrace} lets a running call reserve into the grace allowance.
 */
public record ReserveCredits(
        String commandId,
        AccountId accountId,
        String reservationId,
        Credits amountUcr,
        long timeoutSeconds,
        String purpose,
        boolean withinGrace)
        implements LedgerCommand {

    public static final long MAX_TIMEOUT_SECONDS = 366L * 24 * 3600;
}
