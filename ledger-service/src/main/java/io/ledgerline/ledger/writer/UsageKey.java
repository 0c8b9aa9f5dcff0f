package io.ledgerline.ledger.writer;

import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.contracts.ledger.command.MeterUsage;
import io.ledgerline.contracts.ledger.command.SettleReservation;

import java.util.Optional;

/**
 * A usage id on the account whose usage it is (a customer's even when its partner pays): what the
 * {@code charged_usage} table keys on to charge a usage id once however old the first charge.
 */
record UsageKey(String accountId, String usageId) {

    static Optional<UsageKey> of(LedgerCommand command) {
        String usageId = null;
        if (command instanceof MeterUsage usage) {
            usageId = usage.usageId();
        } else if (command instanceof SettleReservation settle) {
            usageId = settle.usageId();
        }
        return Optional.ofNullable(usageId)
                .map(id -> new UsageKey(command.accountId().value(), id));
    }
}
