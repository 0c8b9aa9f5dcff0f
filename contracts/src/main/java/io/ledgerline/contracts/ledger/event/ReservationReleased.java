package io.ledgerline.contracts.ledger.event;

import io.ledgerline.contracts.ledger.Transfer;

/**
 * What was left of a reservation went back to the holder and the reservation is closed. When
 * nothing was left, {@code transfer} is null: the event only closes the reservation.
 */
public record ReservationReleased(
        EventHeader header, Transfer transfer, String reservationId, String reason)
        implements MoneyMoved {

    @Override
    public HistoryType historyType() {
        return HistoryType.RELEASED;
    }
}
