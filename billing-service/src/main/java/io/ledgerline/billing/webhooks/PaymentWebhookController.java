package io.ledgerline.billing.webhooks;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the payment provider delivers its events. It carries no token: the provider proves itself
 * by signing each payload (security/BillingDoors declares the path public). A delivery that is not
 * signed, signed wrongly or signed too long ago is refused and changes nothing. A redelivered event
 * answers 200 with {@code ALREADY_PROCESSED}, not an error: a provider retries anything but 2xx for
 * days.
 */
@RestController
class PaymentWebhookController {

    static final String PATH = "/api/v1/payment-provider/webhook";

    /** Stripe's header, which the built-in provider copies. */
    static final String SIGNATURE_HEADER = "Stripe-Signature";

    private final WebhookDeliveries deliveries;

    PaymentWebhookController(WebhookDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @PostMapping(path = PATH, consumes = "*/*")
    WebhookDeliveries.Answer deliver(
            @RequestBody(required = false) byte[] payload,
            @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature) {
        return deliveries.receive(payload == null ? new byte[0] : payload, signature);
    }
}
