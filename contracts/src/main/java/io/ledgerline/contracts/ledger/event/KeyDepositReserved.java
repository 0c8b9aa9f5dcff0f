package io.ledgerline.contracts.ledger.event;

import io.ledgerline.contracts.ledger.Transfer;

/**
 * A customer-created gateway key's deposit (R9) was reserved from its partner's available credits.
 * It is an ordinary reservation named after the key, released when the key is revoked.
 */
public record KeyDepositReserved(
        EventHeader header, Transfer transfer, String keyId, String reservationId)
        implements MoneyMoved {

    @Override
    public HistoryType historyType() {
        return HistoryType.RESERVED;
    }
}
