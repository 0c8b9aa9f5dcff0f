package io.ledgerline.billing.payments;

/** How an attempt to collect a payment ended. */
public enum PaymentOutcome {
    SUCCEEDED,
    CARD_DECLINED,
    INSUFFICIENT_FUNDS,
    /** The provider could not process it this time; the same method may succeed on a retry. */
    PROCESSING_ERROR;

    public boolean succeeded() {
        return this == SUCCEEDED;
    }
}
