package io.ledgerline.contracts.problem;

/**
 * The ledger API's refusals besides the command outcomes of {@link
 * io.ledgerline.contracts.ledger.Rejection}.
 */
public enum LedgerApiRefusal implements RefusalCode {
    /** No account is on that ledger. */
    LEDGER_NOT_FOUND(404),
    /** The writer's queue is full; retry with the same command id. */
    LEDGER_BUSY(503);

    private final int httpStatus;

    LedgerApiRefusal(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
