package io.ledgerline.billing.refunds;

import io.ledgerline.billing.invoices.InvoiceReversed;
import io.ledgerline.billing.ledgerclient.LedgerClient;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.command.DeductCredits;
import io.ledgerline.contracts.money.Credits;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigInteger;
import java.time.Clock;
import java.util.List;

/**
 * Corrects the credits a reversed payment granted: the share of the invoice taken back is deducted
 * through the ledger with a reason naming the refund, never changed in place. When the balance
 * cannot cover it the ledger refuses and the correction is kept as debt for the partner. It runs in
 * the transaction that claims the provider's event and the command id derives from the event id, so
 * a redelivery corrects nothing twice.
 */
@Component
class Corrections {

    private final JdbcTemplate jdbc;
    private final CorrectionRows rows;
    private final LedgerClient ledger;
    private final Clock clock;

    Corrections(JdbcTemplate jdbc, CorrectionRows rows, LedgerClient ledger, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.ledger = ledger;
        this.clock = clock;
    }

    @EventListener
    void on(InvoiceReversed reversed) {
        var kind =
                reversed.disputed()
                        ? PaymentCorrection.Kind.CHARGEBACK
                        : PaymentCorrection.Kind.REFUND;
        long credits = creditsToTakeBack(reversed);
        var note =
                (kind == PaymentCorrection.Kind.REFUND ? "Refund" : "Chargeback")
                        + " of invoice "
                        + reversed.number()
                        + " (provider event "
                        + reversed.providerEventId()
                        + ")";
        if (credits == 0) {
            rows.insert(
                    reversed,
                    kind,
                    0,
                    PaymentCorrection.Status.NOTHING_GRANTED,
                    null,
                    null,
                    note,
                    clock.instant());
            return;
        }
        var commandId = "reversal-" + reversed.providerEventId();
        var answer =
                ledger.submit(
                                List.of(
                                        new DeductCredits(
                                                commandId,
                                                AccountId.of(reversed.owner()),
                                                Credits.ofMicros(credits),
                                                note)))
                        .get(0);
        rows.insert(
                reversed,
                kind,
                credits,
                answer.posted() ? PaymentCorrection.Status.DEDUCTED : PaymentCorrection.Status.DEBT,
                commandId,
                answer.posted() ? null : answer.code(),
                note,
                clock.instant());
    }

    /**
     * The reversed share of what the invoice granted, rounded down; the reversal that completes a
     * full refund takes back the rest, so the shares add up to the grant.
     */
    private long creditsToTakeBack(InvoiceReversed reversed) {
        long granted = granted(reversed.invoiceId());
        long takenBefore = rows.creditsTakenBack(reversed.invoiceId());
        if (granted == 0) {
            return 0;
        }
        if (reversed.refundedCents() >= reversed.totalCents()) {
            return Math.max(granted - takenBefore, 0);
        }
        long share =
                BigInteger.valueOf(granted)
                        .multiply(BigInteger.valueOf(reversed.amountCents()))
                        .divide(BigInteger.valueOf(reversed.totalCents()))
                        .longValueExact();
        return Math.min(share, Math.max(granted - takenBefore, 0));
    }

    /** The credits the invoice's purchase or subscription period was granted; 0 when none. */
    private long granted(String invoiceId) {
        return jdbc.queryForObject(
                "SELECT COALESCE(SUM(credits), 0) FROM (SELECT credits_ucr AS credits FROM"
                        + " billing.purchases WHERE invoice_id = ? AND status = 'CREDITED'"
                        + " UNION ALL SELECT s.allocation_ucr FROM billing.subscription_periods p"
                        + " JOIN billing.subscriptions s USING (subscription_id) WHERE"
                        + " p.invoice_id = ? AND p.status = 'GRANTED') g",
                Long.class,
                invoiceId,
                invoiceId);
    }
}
