package io.ledgerline.billing.invoices;

import io.ledgerline.billing.methods.PaymentMethods;
import io.ledgerline.billing.payments.PaymentOutcome;
import io.ledgerline.billing.payments.PaymentProvider;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Invoices (R17): one per purchase, open once issued, paid only when the provider's event says the
 * payment succeeded. Paying confirms the invoice's one payment intent, so paying twice never
 * collects twice.
 */
@Service
public class Invoices {

    private static final Map<PaymentOutcome, BillingRefusal> REFUSALS =
            Map.of(
                    PaymentOutcome.CARD_DECLINED, BillingRefusal.CARD_DECLINED,
                    PaymentOutcome.INSUFFICIENT_FUNDS, BillingRefusal.CARD_INSUFFICIENT_FUNDS,
                    PaymentOutcome.PROCESSING_ERROR, BillingRefusal.PAYMENT_PROCESSING_ERROR);

    private final JdbcTemplate jdbc;
    private final InvoiceRows rows;
    private final PaymentMethods methods;
    private final PaymentProvider provider;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Invoices(
            JdbcTemplate jdbc,
            InvoiceRows rows,
            PaymentMethods methods,
            PaymentProvider provider,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.methods = methods;
        this.provider = provider;
        this.events = events;
        this.clock = clock;
    }

    /** Issues an open invoice for {@code owner} with these lines; join the caller's transaction. */
    @Transactional
    public Invoice issue(AccountId owner, List<Invoice.Line> lines) {
        var invoiceId = "inv-" + UUID.randomUUID();
        long total = lines.stream().mapToLong(Invoice.Line::amountCents).reduce(0, Math::addExact);
        var now = Timestamp.from(clock.instant());
        long number = jdbc.queryForObject("SELECT nextval('billing.invoice_numbers')", Long.class);
        jdbc.update(
                "INSERT INTO billing.invoices (invoice_id, number, owner, status, currency,"
                        + " subtotal_cents, total_cents, amount_paid_cents, created_at,"
                        + " finalized_at, hosted_token) VALUES (?, ?, ?, 'OPEN', 'usd', ?, ?, 0,"
                        + " ?, ?, ?)",
                invoiceId,
                "LL-%06d".formatted(number),
                owner.value(),
                total,
                total,
                now,
                now,
                HostedTokens.next());
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            jdbc.update(
                    "INSERT INTO billing.invoice_lines (invoice_id, line_no, description,"
                            + " quantity, unit_amount_cents, amount_cents)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    invoiceId,
                    i + 1,
                    line.description(),
                    line.quantity(),
                    line.unitAmountCents(),
                    line.amountCents());
        }
        return rows.one(owner, invoiceId).orElseThrow();
    }

    /**
     * Charges an open invoice with the method named, else the owner's default. A failed payment is
     * refused with its reason and the invoice stays open; a successful one is paid when the
     * provider's event arrives.
     */
    public Invoice pay(AccountId owner, String invoiceId, String methodId) {
        var invoice = one(owner, invoiceId);
        requirePayable(invoice);
        var method = methods.chargeable(owner, methodId);
        var intentId = provider.openIntent(invoiceId, invoice.totalCents());
        jdbc.update(
                "UPDATE billing.invoices SET payment_intent_id = ? WHERE invoice_id = ?",
                intentId,
                invoiceId);
        var attempt = provider.confirm(intentId, method);
        if (!attempt.outcome().succeeded()) {
            jdbc.update(
                    "UPDATE billing.invoices SET last_payment_error = ? WHERE invoice_id = ? AND"
                            + " status = 'OPEN'",
                    attempt.outcome().name(),
                    invoiceId);
            throw refusal(invoiceId, attempt.outcome());
        }
        jdbc.update(
                "UPDATE billing.invoices SET last_payment_error = NULL WHERE invoice_id = ?",
                invoiceId);
        return one(owner, invoiceId);
    }

    /** The refusal a failed payment of the invoice answers, the first time and on a replay. */
    public static Refused refusal(String invoiceId, PaymentOutcome outcome) {
        return new Refused(
                REFUSALS.get(outcome),
                "the payment of invoice "
                        + invoiceId
                        + " failed ("
                        + outcome.name().toLowerCase(java.util.Locale.ROOT)
                        + "); it stays open: pay it with another method");
    }

    public Invoice one(AccountId owner, String invoiceId) {
        return rows.one(owner, invoiceId)
                .orElseThrow(
                        () ->
                                new Refused(
                                        BillingRefusal.INVOICE_NOT_FOUND,
                                        owner + " has no invoice " + invoiceId));
    }

    List<Invoice> of(AccountId owner) {
        return rows.of(owner);
    }

    /**
     * Marks the invoice of a succeeded intent paid and tells the listeners, once: an invoice that
     * is not open, or whose total is not the amount paid, is left as it is.
     */
    @Transactional
    public boolean paymentSucceeded(String intentId, long amountCents, String eventId) {
        var paid =
                jdbc.queryForList(
                        "UPDATE billing.invoices SET status = 'PAID', amount_paid_cents ="
                                + " total_cents, paid_at = ?, paid_by_event_id = ?,"
                                + " last_payment_error = NULL WHERE payment_intent_id = ? AND"
                                + " status = 'OPEN' AND total_cents = ? RETURNING invoice_id,"
                                + " owner",
                        Timestamp.from(clock.instant()),
                        eventId,
                        intentId,
                        amountCents);
        paid.forEach(
                row ->
                        events.publishEvent(
                                new InvoicePaid(
                                        (String) row.get("invoice_id"),
                                        (String) row.get("owner"),
                                        eventId)));
        return !paid.isEmpty();
    }

    /**
     * Records money of a paid invoice taken back (a refund, or a chargeback when {@code disputed})
     * and tells the listeners, who correct what it granted; false when no paid invoice has the
     * intent.
     */
    @Transactional
    public boolean paymentReversed(
            String intentId, long amountCents, String eventId, boolean disputed) {
        var reversed =
                jdbc.queryForList(
                        "UPDATE billing.invoices SET amount_refunded_cents = LEAST(total_cents,"
                                + " amount_refunded_cents + ?) WHERE payment_intent_id = ? AND"
                                + " status = 'PAID' RETURNING invoice_id, number, owner,"
                                + " total_cents, amount_refunded_cents",
                        amountCents,
                        intentId);
        reversed.forEach(
                row ->
                        events.publishEvent(
                                new InvoiceReversed(
                                        (String) row.get("invoice_id"),
                                        (String) row.get("number"),
                                        (String) row.get("owner"),
                                        amountCents,
                                        (Long) row.get("total_cents"),
                                        (Long) row.get("amount_refunded_cents"),
                                        disputed,
                                        eventId)));
        return !reversed.isEmpty();
    }

    /** Notes why the invoice's payment failed; it stays open. */
    public boolean paymentFailed(String intentId, PaymentOutcome outcome) {
        return jdbc.update(
                        "UPDATE billing.invoices SET last_payment_error = ? WHERE"
                                + " payment_intent_id = ? AND status = 'OPEN'",
                        outcome.name(),
                        intentId)
                == 1;
    }

    private static void requirePayable(Invoice invoice) {
        switch (invoice.status()) {
            case OPEN -> {}
            case PAID ->
                    throw new Refused(
                            BillingRefusal.INVOICE_ALREADY_PAID,
                            "invoice " + invoice.invoiceId() + " is paid; nothing was charged");
            default ->
                    throw new Refused(
                            BillingRefusal.INVOICE_NOT_PAYABLE,
                            "invoice " + invoice.invoiceId() + " is " + invoice.status());
        }
    }
}
