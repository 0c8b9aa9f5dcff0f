package io.ledgerline.ledger.api;

/** The writer's queue is full: the client should retry later with the same command id. */
public class LedgerBusyException extends RuntimeException {

    public LedgerBusyException(String message) {
        super(message);
    }
}
