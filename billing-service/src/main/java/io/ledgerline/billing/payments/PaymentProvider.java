package io.ledgerline.billing.payments;

/**
 * Where billing takes money: a payment provider (the built-in one, or Stripe). Billing never sees a
 * card number after handing it over, and never moves credit on a provider's answer alone: only a
 * signed event that a payment succeeded ({@link #verifiedEvent}) grants credits.
 */
public interface PaymentProvider {

    /** Saves a card for {@code owner}; only brand, last four digits and expiry come back. */
    SavedCard saveCard(String owner, CardDetails card);

    /** The method can no longer be charged. */
    void detach(String methodId);

    /**
     * The payment intent collecting {@code amountCents} USD for {@code reference} (an invoice id).
     * The same reference answers the same intent, so an invoice is never collected twice.
     */
    String openIntent(String reference, long amountCents);

    /**
     * Tries to collect the intent with a saved method. An intent that succeeded before answers
     * {@link PaymentOutcome#SUCCEEDED} again without charging again.
     */
    PaymentAttempt confirm(String intentId, String methodId);

    /**
     * Gives back {@code amountCents} of a succeeded intent; the same {@code idempotencyKey} is the
     * same refund. Answers the provider's refund id; a refunded event follows.
     */
    String refund(String intentId, long amountCents, String idempotencyKey);

    /**
     * The event of a webhook delivery, once its signature and timestamp are checked; refused with
     * {@code WEBHOOK_SIGNATURE_INVALID} or {@code WEBHOOK_TIMESTAMP_TOO_OLD} otherwise.
     */
    ProviderEvent verifiedEvent(byte[] payload, String signatureHeader);
}
