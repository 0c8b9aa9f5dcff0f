package io.ledgerline.billing.webhooks;

import io.ledgerline.billing.invoices.Invoices;
import io.ledgerline.billing.payments.ProviderEvent;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Acts on each verified provider event once. The event's id is claimed in the same transaction as
 * its effects (an invoice paid, credits granted), so a redelivery finds it claimed and changes
 * nothing, and a failure part-way (the ledger unreachable) leaves it unclaimed for the provider's
 * retry.
 */
@Service
class PaymentEvents {

    enum Outcome {
        PROCESSED,
        ALREADY_PROCESSED,
        /** An event billing has nothing to do for (another type, an invoice not open). */
        IGNORED
    }

    private final JdbcTemplate jdbc;
    private final Invoices invoices;
    private final Clock clock;

    PaymentEvents(JdbcTemplate jdbc, Invoices invoices, Clock clock) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.clock = clock;
    }

    @Transactional
    Outcome handle(ProviderEvent event) {
        // A concurrent delivery of the same id waits here for the first to commit or roll back.
        boolean claimed =
                jdbc.update(
                                "INSERT INTO billing.processed_payment_events (event_id, type,"
                                        + " outcome, processed_at) VALUES (?, ?, 'CLAIMED', ?)"
                                        + " ON CONFLICT (event_id) DO NOTHING",
                                event.eventId(),
                                event.type(),
                                Timestamp.from(clock.instant()))
                        == 1;
        if (!claimed) {
            return Outcome.ALREADY_PROCESSED;
        }
        boolean acted =
                switch (event.kind()) {
                    case PAYMENT_SUCCEEDED ->
                            invoices.paymentSucceeded(
                                    event.intentId(), event.amountCents(), event.eventId());
                    case PAYMENT_FAILED ->
                            invoices.paymentFailed(event.intentId(), event.failure());
                    case REFUNDED, DISPUTED ->
                            invoices.paymentReversed(
                                    event.intentId(),
                                    event.amountCents(),
                                    event.eventId(),
                                    event.kind() == ProviderEvent.Kind.DISPUTED);
                    case OTHER -> false;
                };
        var outcome = acted ? Outcome.PROCESSED : Outcome.IGNORED;
        jdbc.update(
                "UPDATE billing.processed_payment_events SET outcome = ? WHERE event_id = ?",
                outcome.name(),
                event.eventId());
        return outcome;
    }
}
