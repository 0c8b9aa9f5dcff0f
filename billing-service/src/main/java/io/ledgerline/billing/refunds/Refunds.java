package io.ledgerline.billing.refunds;

import io.ledgerline.billing.invoices.Invoice;
import io.ledgerline.billing.invoices.Invoices;
import io.ledgerline.billing.payments.PaymentProvider;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Refunds a paid invoice through the provider. Nothing changes in credits here: the provider's
 * refunded event does that ({@link Corrections}). Idempotent on the refund id the caller chose.
 */
@Service
class Refunds {

    record Refund(String refundId, String invoiceId, long amountCents, String providerRefundId) {}

    private final JdbcTemplate jdbc;
    private final Invoices invoices;
    private final PaymentProvider provider;
    private final Clock clock;

    Refunds(JdbcTemplate jdbc, Invoices invoices, PaymentProvider provider, Clock clock) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.provider = provider;
        this.clock = clock;
    }

    /** Refunds {@code amountCents} of the invoice, all that is left when null. */
    @Transactional
    Refund refund(AccountId owner, String invoiceId, String refundId, Long amountCents) {
        if (refundId == null || !Ids.isSafe(refundId)) {
            throw Refused.field(
                    CommonRefusal.INVALID_ID,
                    "refundId",
                    "refundId must be 1-64 letters, digits, '.', '_' or '-'");
        }
        var invoice = invoices.one(owner, invoiceId);
        jdbc.queryForObject(
                "SELECT 1 FROM billing.invoices WHERE invoice_id = ? FOR UPDATE",
                Integer.class,
                invoiceId);
        var earlier = find(refundId);
        if (earlier != null) {
            if (!earlier.invoiceId().equals(invoiceId)
                    || (amountCents != null && amountCents != earlier.amountCents())) {
                throw Refused.field(
                        Rejection.EXISTS_WITH_DIFFERENT_PAYLOAD,
                        "refundId",
                        "refund " + refundId + " was asked for with other details");
            }
            return earlier;
        }
        if (invoice.status() != Invoice.Status.PAID) {
            throw new Refused(
                    BillingRefusal.INVOICE_NOT_REFUNDABLE,
                    "invoice " + invoiceId + " is " + invoice.status() + "; only a paid one is");
        }
        long refundable = invoice.amountPaidCents() - requested(invoiceId);
        long amount = amountCents == null ? refundable : amountCents;
        if (amount <= 0 || amount > refundable) {
            throw Refused.field(
                    BillingRefusal.REFUND_EXCEEDS_PAYMENT,
                    "amountCents",
                    "at most "
                            + refundable
                            + " cents of invoice "
                            + invoiceId
                            + " can be refunded");
        }
        var providerRefundId = provider.refund(invoice.paymentIntentId(), amount, refundId);
        jdbc.update(
                "INSERT INTO billing.refunds (refund_id, invoice_id, owner, amount_cents,"
                        + " provider_refund_id, requested_at) VALUES (?, ?, ?, ?, ?, ?)",
                refundId,
                invoiceId,
                owner.value(),
                amount,
                providerRefundId,
                Timestamp.from(clock.instant()));
        return new Refund(refundId, invoiceId, amount, providerRefundId);
    }

    private long requested(String invoiceId) {
        return jdbc.queryForObject(
                "SELECT COALESCE(SUM(amount_cents), 0) FROM billing.refunds WHERE invoice_id = ?",
                Long.class,
                invoiceId);
    }

    private Refund find(String refundId) {
        return jdbc
                .query(
                        "SELECT * FROM billing.refunds WHERE refund_id = ?",
                        (rs, i) ->
                                new Refund(
                                        rs.getString("refund_id"),
                                        rs.getString("invoice_id"),
                                        rs.getLong("amount_cents"),
                                        rs.getString("provider_refund_id")),
                        refundId)
                .stream()
                .findFirst()
                .orElse(null);
    }
}
