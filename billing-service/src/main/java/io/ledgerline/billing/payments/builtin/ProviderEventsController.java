package io.ledgerline.billing.payments.builtin;

import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The built-in provider's console: an event is delivered again on request, as Stripe's "resend"
 * does (billing acts on an event id once, so a redelivery changes nothing there).
 */
@RestController
@ConditionalOnProperty(
        name = "ledgerline.billing.payments.provider",
        havingValue = "builtin",
        matchIfMissing = true)
class ProviderEventsController {

    private final BuiltInEvents events;

    ProviderEventsController(BuiltInEvents events) {
        this.events = events;
    }

    @PostMapping("/api/v1/payment-provider/events/{eventId}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> redeliver(@PathVariable String eventId) {
        if (!events.redeliver(eventId)) {
            throw new Refused(BillingRefusal.PROVIDER_EVENT_NOT_FOUND, "no event " + eventId);
        }
        return Map.of("eventId", eventId, "status", "REDELIVERY_SCHEDULED");
    }
}
