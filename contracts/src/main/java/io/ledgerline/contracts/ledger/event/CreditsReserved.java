package io.ledgerline.contracts.ledger.event;

import io.ledgerline.contracts.ledger.Transfer;

import java.time.Instant;

/**
 * Credits were set aside for a pending spend; an open reservation is released at {@code expiresAt}.
 */
public record CreditsReserved(
        EventHeader header,
        Transfer transfer,
        String reservationId,
        String purpose,
        Instant expiresAt)
        implements MoneyMoved {

    @Override
    public HistoryType historyType() {
        return HistoryType.RESERVED;
    }
}
