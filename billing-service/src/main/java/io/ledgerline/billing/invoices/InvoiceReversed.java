package io.ledgerline.billing.invoices;

/**
 * Money of a paid invoice was taken back, as a provider's event said: published inside the
 * transaction that records it, so the correction its listener makes commits with it or not at all.
 *
 * @param refundedCents taken back so far, this reversal included
 * @param disputed a chargeback rather than a refund
 */
public record InvoiceReversed(
        String invoiceId,
        String number,
        String owner,
        long amountCents,
        long totalCents,
        long refundedCents,
        boolean disputed,
        String providerEventId) {}
