package io.ledgerline.ledger.account;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.event.EventHash;
import io.ledgerline.contracts.ledger.event.EventHeader;
import io.ledgerline.contracts.ledger.event.LedgerEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Builds a valid past for an account in aggregate tests: sequences and hash chain as the ledger
 * writes them.
 */
final class AccountHistory {

    private final AccountId accountId;
    private final List<Object> events = new ArrayList<>();
    private String lastHash = EventHash.GENESIS;

    AccountHistory(AccountId accountId) {
        this.accountId = accountId;
    }

    AccountHistory then(Function<EventHeader, LedgerEvent> event) {
        var header =
                new EventHeader(
                        UUID.randomUUID().toString(),
                        accountId,
                        events.size(),
                        "cmd-" + events.size(),
                        Instant.parse("2026-11-01T00:00:00Z"),
                        lastHash);
        var built = event.apply(header);
        lastHash = EventHash.of(built);
        events.add(built);
        return this;
    }

    List<Object> events() {
        return List.copyOf(events);
    }

    LedgerEvent last() {
        return (LedgerEvent) events.get(events.size() - 1);
    }
}
