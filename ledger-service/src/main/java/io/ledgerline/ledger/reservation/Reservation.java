package io.ledgerline.ledger.reservation;

import io.ledgerline.contracts.money.Credits;

/** An open hold inside an account: where it sits and what is left of it. */
record Reservation(String account, Credits remaining) {

    Reservation minus(Credits spent) {
        return new Reservation(account, remaining.minus(spent));
    }
}
