package io.ledgerline.gateway.budget;

import io.ledgerline.contracts.money.Credits;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request's pre-authorisation of its worst-case cost. Exactly one of {@link #settle} and {@link
 * #release} takes effect, however many times and from whichever thread they are called.
 */
public final class Hold {

    private final Pot pot;
    private final Credits amount;
    private final UnbilledCharges unbilled;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A hold of {@code amount} on {@code pot}, or null when it does not fit. */
    public static Hold take(Pot pot, Credits amount, UnbilledCharges unbilled) {
        return pot.tryHold(amount) ? new Hold(pot, amount, unbilled) : null;
    }

    Hold(Pot pot, Credits amount, UnbilledCharges unbilled) {
        this.pot = pot;
        this.amount = amount;
        this.unbilled = unbilled;
    }

    public Credits amount() {
        return amount;
    }

    public String reservationId() {
        return pot.reservationId();
    }

    /** Charges the real cost; the rest of the hold is free again. */
    public void settle(String requestId, Credits actual) {
        if (closed.compareAndSet(false, true)) {
            pot.settle(amount, actual);
            if (actual.isPositive()) {
                unbilled.add(requestId, pot, actual);
            }
        }
    }

    public void release() {
        if (closed.compareAndSet(false, true)) {
            pot.release(amount);
        }
    }
}
