package io.ledgerline.notification.messaging;

/** A record no retry can make readable: it goes to the dead-letter topic at once. */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }

    public PoisonRecordException(String message) {
        super(message);
    }
}
