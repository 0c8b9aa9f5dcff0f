package io.ledgerline.ledger.account;

import io.ledgerline.contracts.ledger.LedgerId;
import io.ledgerline.contracts.money.Credits;

import java.time.Instant;

/** An open hold inside an account: what is left of it and where it sits. */
record Reservation(
        String id, LedgerId ledger, String account, Credits remaining, Instant expiresAt) {

    Reservation minus(Credits spent) {
        return new Reservation(id, ledger, account, remaining.minus(spent), expiresAt);
    }
}
