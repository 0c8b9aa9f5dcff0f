package io.ledgerline.contracts.ledger.event;

import io.ledgerline.contracts.ledger.Transfer;

/** Credits were deducted with a reason (a refund, a correction, or the reversal of an addition). */
public record CreditsDeducted(
        EventHeader header, Transfer transfer, String reason, String reversalOf)
        implements MoneyMoved {

    @Override
    public HistoryType historyType() {
        return HistoryType.DEDUCTED;
    }
}
