package io.ledgerline.notification.intake;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.notification.alert.AlertKind;

import java.time.Instant;
import java.util.Set;

/** What this service folded from one account's ledger events. */
record AccountState(
        String accountId,
        String partnerId,
        long lastSequence,
        Credits balanceUcr,
        Credits thresholdUcr,
        boolean notificationsOn,
        Set<AlertKind> armed,
        Instant firstSeenAt) {

    /** Before any event: every alert armed, since nothing has been crossed yet. */
    static AccountState fresh(String accountId, Instant seenAt) {
        return new AccountState(
                accountId, null, -1, Credits.ZERO, null, false, Set.of(AlertKind.values()), seenAt);
    }

    AccountState withSequence(long sequence) {
        return new AccountState(
                accountId,
                partnerId,
                sequence,
                balanceUcr,
                thresholdUcr,
                notificationsOn,
                armed,
                firstSeenAt);
    }

    AccountState withPartner(String partner) {
        return new AccountState(
                accountId,
                partner,
                lastSequence,
                balanceUcr,
                thresholdUcr,
                notificationsOn,
                armed,
                firstSeenAt);
    }

    AccountState withSettings(Credits threshold, boolean on, Set<AlertKind> nowArmed) {
        return new AccountState(
                accountId,
                partnerId,
                lastSequence,
                balanceUcr,
                threshold,
                on,
                nowArmed,
                firstSeenAt);
    }

    AccountState withBalance(Credits balance, Set<AlertKind> nowArmed) {
        return new AccountState(
                accountId,
                partnerId,
                lastSequence,
                balance,
                thresholdUcr,
                notificationsOn,
                nowArmed,
                firstSeenAt);
    }
}
