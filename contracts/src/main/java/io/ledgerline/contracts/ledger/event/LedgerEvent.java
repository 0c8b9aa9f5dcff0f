package io.ledgerline.contracts.ledger.event;

import io.ledgerline.contracts.ledger.Transfer;

import java.util.Optional;

/** An immutable fact in the ledger. Events that move credit carry exactly one {@link Transfer}. */
public sealed interface LedgerEvent permits AccountOpened, AiCreditsConfigured, MoneyMoved {

    EventHeader header();

    default Optional<Transfer> movement() {
        return this instanceof MoneyMoved moved
                ? Optional.ofNullable(moved.transfer())
                : Optional.empty();
    }
}
