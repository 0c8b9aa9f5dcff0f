package io.ledgerline.billing.payments;

/** A card the provider keeps, as far as billing may know it. */
public record SavedCard(String methodId, String brand, String last4, int expMonth, int expYear) {}
