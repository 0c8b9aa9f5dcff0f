package io.ledgerline.billing.payments;

/**
 * A provider's event as billing acts on it.
 *
 * @param eventId the provider's id; billing acts on an id once
 * @param type the provider's own name, e.g. {@code payment_intent.succeeded}
 * @param kind what it means to billing
 * @param intentId the payment intent it is about, null for other objects
 * @param amountCents the intent's amount in USD cents; for a refund or dispute, the amount taken
 *     back
 * @param failure why a payment failed, null otherwise
 */
public record ProviderEvent(
        String eventId,
        String type,
        Kind kind,
        String intentId,
        long amountCents,
        PaymentOutcome failure) {

    public enum Kind {
        PAYMENT_SUCCEEDED,
        PAYMENT_FAILED,
        /** Money paid went back to the payer at the payee's request. */
        REFUNDED,
        /** The payer's bank took money paid back (a chargeback). */
        DISPUTED,
        OTHER
    }
}
