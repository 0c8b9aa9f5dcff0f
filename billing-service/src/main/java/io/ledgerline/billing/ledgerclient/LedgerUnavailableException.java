package io.ledgerline.billing.ledgerclient;

/** The ledger could not be reached or failed (5xx); the command may be retried as it is. */
public class LedgerUnavailableException extends RuntimeException {

    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public LedgerUnavailableException(String message) {
        super(message);
    }
}
