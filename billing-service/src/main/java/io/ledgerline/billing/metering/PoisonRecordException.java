package io.ledgerline.billing.metering;

/** A record that can never be processed as it is (wrong type, unreadable, invalid). */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message) {
        super(message);
    }

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
