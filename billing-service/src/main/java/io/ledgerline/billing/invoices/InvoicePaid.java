package io.ledgerline.billing.invoices;

/**
 * An invoice was paid, as a provider's event said: published inside the transaction that records
 * it, so what its listeners do (a credit grant) commits with it or not at all.
 */
public record InvoicePaid(String invoiceId, String owner, String providerEventId) {}
