package io.ledgerline.contracts.ledger.event;

import io.ledgerline.contracts.ledger.Transfer;

/** What was left of a reservation went back to the holder; the reservation is closed. */
public record ReservationReleased(EventHeader header, Transfer transfer, String reservationId, String reason)
        implements MoneyMoved {

    @Override
    public HistoryType historyType() {
        return HistoryType.RELEASED;
    }
}
