package io.ledgerline.contracts.ledger.event;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.Transfer;

/**
 * Rated usage was charged. {@code usedBy} is the customer whose usage it was; it differs from the
 * charged account when a customer without AI credits draws on its partner's balance (R13).
 */
public record UsageMetered(
        EventHeader header, Transfer transfer, String usageId, String description, AccountId usedBy)
        implements MoneyMoved {

    @Override
    public HistoryType historyType() {
        return HistoryType.USED;
    }
}
