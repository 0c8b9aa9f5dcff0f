package io.ledgerline.billing.invoices;

import java.time.Instant;
import java.util.List;

/**
 * An invoice as the portal shows it (R17); amounts in USD cents. {@code hostedPath} is its page a
 * customer opens without the portal, null for invoices issued before there were pages.
 */
public record Invoice(
        String invoiceId,
        String number,
        String owner,
        Status status,
        String currency,
        List<Line> lines,
        long subtotalCents,
        long totalCents,
        long amountPaidCents,
        long amountDueCents,
        long amountRefundedCents,
        String paymentIntentId,
        String lastPaymentError,
        Instant createdAt,
        Instant finalizedAt,
        Instant paidAt,
        String hostedPath) {

    public enum Status {
        DRAFT,
        OPEN,
        PAID,
        VOID,
        UNCOLLECTIBLE
    }

    public record Line(String description, long quantity, long unitAmountCents, long amountCents) {

        public static Line of(String description, long quantity, long unitAmountCents) {
            return new Line(
                    description,
                    quantity,
                    unitAmountCents,
                    Math.multiplyExact(quantity, unitAmountCents));
        }
    }
}
