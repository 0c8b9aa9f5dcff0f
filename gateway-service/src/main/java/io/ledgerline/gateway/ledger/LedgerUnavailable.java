package io.ledgerline.gateway.ledger;

/** The ledger could not be reached or did not answer in time; the caller may retry. */
public class LedgerUnavailable extends RuntimeException {

    public LedgerUnavailable(Throwable cause) {
        super("the ledger is unavailable: " + cause.getMessage(), cause);
    }
}
