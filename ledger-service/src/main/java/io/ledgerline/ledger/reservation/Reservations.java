package io.ledgerline.ledger.reservation;

import io.ledgerline.contracts.ledger.Transfer;
import io.ledgerline.contracts.money.Credits;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One account's reservations: the open ones with what is left of each, and the ids of the closed
 * ones, which are never reused. The account asks and records through these methods only.
 */
public final class Reservations {

    private final Map<String, Reservation> open = new HashMap<>();
    private final Set<String> closed = new HashSet<>();

    /** Whether the id was ever used on this account, open or closed. */
    public boolean isKnown(String reservationId) {
        return open.containsKey(reservationId) || closed.contains(reservationId);
    }

    public boolean isOpen(String reservationId) {
        return open.containsKey(reservationId);
    }

    public boolean isClosed(String reservationId) {
        return closed.contains(reservationId);
    }

    /** What is left of an open reservation. */
    public Credits remaining(String reservationId) {
        return openOne(reservationId).remaining();
    }

    /** The ledger account that holds an open reservation's credits. */
    public String heldIn(String reservationId) {
        return openOne(reservationId).account();
    }

    /** A reservation opened by {@code transfer}, which moved its credits into their hold. */
    public void opened(String reservationId, Transfer transfer) {
        open.put(reservationId, new Reservation(transfer.credit(), transfer.amountUcr()));
    }

    /** Part of an open reservation was spent; an unknown id changes nothing. */
    public void settled(String reservationId, Credits spent) {
        open.computeIfPresent(reservationId, (id, reservation) -> reservation.minus(spent));
    }

    public void released(String reservationId) {
        open.remove(reservationId);
        closed.add(reservationId);
    }

    private Reservation openOne(String reservationId) {
        var reservation = open.get(reservationId);
        if (reservation == null) {
            throw new IllegalStateException("reservation " + reservationId + " is not open");
        }
        return reservation;
    }
}
