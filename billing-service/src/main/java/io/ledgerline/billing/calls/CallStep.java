package io.ledgerline.billing.calls;

import io.ledgerline.contracts.money.Credits;

import java.time.Instant;

/**
 * One admitted step of a call (start is 0) and the hold it placed: a minute, the grace allowance,
 * or nothing (an extension while the call is in its grace period).
 */
record CallStep(
        long sequence,
        Kind kind,
        String reservationId,
        Credits amount,
        Instant authorisedUntil,
        Instant graceUntil) {

    enum Kind {
        MINUTE,
        GRACE,
        GRACE_AGAIN
    }

    boolean holds() {
        return reservationId != null;
    }
}
