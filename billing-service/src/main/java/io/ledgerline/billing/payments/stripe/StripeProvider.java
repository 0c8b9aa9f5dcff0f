package io.ledgerline.billing.payments.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentMethodCreateParams;
import com.stripe.param.RefundCreateParams;

import io.ledgerline.billing.payments.CardDetails;
import io.ledgerline.billing.payments.PaymentAttempt;
import io.ledgerline.billing.payments.PaymentOutcome;
import io.ledgerline.billing.payments.PaymentProvider;
import io.ledgerline.billing.payments.ProviderEvent;
import io.ledgerline.billing.payments.SavedCard;
import io.ledgerline.billing.payments.StripeStyleEvents;
import io.ledgerline.billing.payments.WebhookSignature;
import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Stripe behind the payment-provider port, on the official stripe-java client. Webhook deliveries
 * are verified by stripe-java itself ({@link Webhook#constructEvent}) with billing's clock, then
 * read the same way as the built-in provider's events.
 */
@Component
@ConditionalOnProperty(name = "ledgerline.billing.payments.provider", havingValue = "stripe")
@EnableConfigurationProperties(StripeProperties.class)
class StripeProvider implements PaymentProvider {

    private final StripeClient stripe;
    private final String webhookSecret;
    private final Clock clock;

    StripeProvider(StripeProperties properties, Clock clock) {
        this(new StripeClient(require(properties.apiKey(), "api-key")), properties, clock);
    }

    StripeProvider(StripeClient stripe, StripeProperties properties, Clock clock) {
        this.stripe = stripe;
        this.webhookSecret = require(properties.webhookSecret(), "webhook-secret");
        this.clock = clock;
    }

    /**
     * Card numbers reach Stripe from billing here only as its test mode allows; a production portal
     * hands billing a Stripe.js payment method instead.
     */
    @Override
    public SavedCard saveCard(String owner, CardDetails card) {
        try {
            var method =
                    stripe.paymentMethods()
                            .create(
                                    PaymentMethodCreateParams.builder()
                                            .setType(PaymentMethodCreateParams.Type.CARD)
                                            .setCard(
                                                    PaymentMethodCreateParams.CardDetails.builder()
                                                            .setNumber(card.number())
                                                            .setExpMonth(
                                                                    card.expMonth().longValue())
                                                            .setExpYear(card.expYear().longValue())
                                                            .build())
                                            .putMetadata("owner", owner)
                                            .build());
            var saved = method.getCard();
            return new SavedCard(
                    method.getId(),
                    saved.getBrand(),
                    saved.getLast4(),
                    saved.getExpMonth().intValue(),
                    saved.getExpYear().intValue());
        } catch (CardException e) {
            throw Refused.field(BillingRefusal.INVALID_CARD, "card", e.getUserMessage());
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void detach(String methodId) {
        try {
            stripe.paymentMethods().detach(methodId);
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public String openIntent(String reference, long amountCents) {
        try {
            return stripe.paymentIntents()
                    .create(
                            PaymentIntentCreateParams.builder()
                                    .setAmount(amountCents)
                                    .setCurrency("usd")
                                    .putMetadata("reference", reference)
                                    .build(),
                            idempotent("intent-" + reference))
                    .getId();
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public PaymentAttempt confirm(String intentId, String methodId) {
        try {
            var intent = stripe.paymentIntents().retrieve(intentId);
            if ("succeeded".equals(intent.getStatus())) {
                return new PaymentAttempt(intentId, PaymentOutcome.SUCCEEDED);
            }
            intent =
                    stripe.paymentIntents()
                            .confirm(
                                    intentId,
                                    PaymentIntentConfirmParams.builder()
                                            .setPaymentMethod(methodId)
                                            .build());
            return new PaymentAttempt(
                    intentId,
                    "succeeded".equals(intent.getStatus())
                            ? PaymentOutcome.SUCCEEDED
                            : PaymentOutcome.PROCESSING_ERROR);
        } catch (CardException e) {
            return new PaymentAttempt(intentId, StripeDeclines.outcomeOf(e));
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public String refund(String intentId, long amountCents, String idempotencyKey) {
        try {
            return stripe.refunds()
                    .create(
                            RefundCreateParams.builder()
                                    .setPaymentIntent(intentId)
                                    .setAmount(amountCents)
                                    .build(),
                            idempotent("refund-" + idempotencyKey))
                    .getId();
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public ProviderEvent verifiedEvent(byte[] payload, String signatureHeader) {
        var body = new String(payload, StandardCharsets.UTF_8);
        try {
            Webhook.constructEvent(
                    body,
                    signatureHeader == null ? "" : signatureHeader,
                    webhookSecret,
                    WebhookSignature.TOLERANCE.toSeconds(),
                    clock);
        } catch (SignatureVerificationException e) {
            boolean stale = String.valueOf(e.getMessage()).contains("tolerance");
            throw new Refused(
                    stale
                            ? BillingRefusal.WEBHOOK_TIMESTAMP_TOO_OLD
                            : BillingRefusal.WEBHOOK_SIGNATURE_INVALID,
                    "Stripe's signature check failed: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new Refused(BillingRefusal.WEBHOOK_SIGNATURE_INVALID, "not a Stripe event");
        }
        return StripeStyleEvents.read(payload);
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    private static Refused unavailable(StripeException e) {
        return new Refused(
                BillingRefusal.PAYMENT_PROCESSING_ERROR,
                "Stripe could not be reached or refused the request (" + e.getCode() + ")");
    }

    private static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("ledgerline.billing.stripe." + name + " is required");
        }
        return value;
    }
}
