package io.ledgerline.billing.webhooks;

import io.ledgerline.billing.ledgerclient.LedgerUnavailableException;
import io.ledgerline.billing.payments.PaymentProvider;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.springframework.stereotype.Service;

/**
 * One delivery to the webhook: its signature checked by the provider's own rules before anything is
 * read from it, then its event acted on once.
 */
@Service
class WebhookDeliveries {

    record Answer(String eventId, PaymentEvents.Outcome outcome) {}

    private final PaymentProvider provider;
    private final PaymentEvents events;

    WebhookDeliveries(PaymentProvider provider, PaymentEvents events) {
        this.provider = provider;
        this.events = events;
    }

    Answer receive(byte[] payload, String signature) {
        var event = provider.verifiedEvent(payload, signature);
        try {
            return new Answer(event.eventId(), events.handle(event));
        } catch (LedgerUnavailableException e) {
            throw new Refused(
                    CommonRefusal.LEDGER_UNAVAILABLE,
                    "the ledger could not be reached; deliver the event again");
        }
    }
}
