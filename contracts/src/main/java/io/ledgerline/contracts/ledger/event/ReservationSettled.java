package io.ledgerline.contracts.ledger.event;

import io.ledgerline.contracts.ledger.Transfer;

/** Part (or all) of a reservation was spent; the reservation stays open until released. */
public record ReservationSettled(
        EventHeader header, Transfer transfer, String reservationId, String usageId)
        implements MoneyMoved {

    @Override
    public HistoryType historyType() {
        return HistoryType.USED;
    }
}
