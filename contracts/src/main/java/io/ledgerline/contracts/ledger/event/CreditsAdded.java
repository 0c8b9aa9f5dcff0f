package io.ledgerline.contracts.ledger.event;

import io.ledgerline.contracts.ledger.Transfer;

/** Credits were added (a top-up, a purchase, a manual addition, or the reversal of a deduction). */
public record CreditsAdded(EventHeader header, Transfer transfer, String note, String reversalOf)
        implements MoneyMoved {

    @Override
    public HistoryType historyType() {
        return HistoryType.ADDED;
    }
}
