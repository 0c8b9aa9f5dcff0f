package io.ledgerline.billing.payments;

/** One try at collecting a payment intent. */
public record PaymentAttempt(String intentId, PaymentOutcome outcome) {}
