package io.ledgerline.billing.payments.builtin;

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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * A payment provider inside billing that behaves like a real one, so every flow runs on one
 * machine: test card numbers decide each payment's outcome ({@link TestCards}), an intent succeeds
 * at most once, and every outcome is an event delivered later, signed, to billing's webhook ({@link
 * BuiltInWebhookDelivery}). It keeps its own tables and talks to billing only through {@link
 * PaymentProvider} and the webhook.
 */
@Component
@ConditionalOnProperty(
        name = "ledgerline.billing.payments.provider",
        havingValue = "builtin",
        matchIfMissing = true)
@EnableConfigurationProperties(BuiltInProperties.class)
class BuiltInProvider implements PaymentProvider {

    private static final Map<PaymentOutcome, String> STRIPE_CODES =
            Map.of(
                    PaymentOutcome.CARD_DECLINED, "card_declined",
                    PaymentOutcome.INSUFFICIENT_FUNDS, "insufficient_funds",
                    PaymentOutcome.PROCESSING_ERROR, "processing_error");

    private final JdbcTemplate jdbc;
    private final BuiltInEvents events;
    private final BuiltInWebhookSecret secret;
    private final Clock clock;

    BuiltInProvider(
            JdbcTemplate jdbc, BuiltInEvents events, BuiltInWebhookSecret secret, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.secret = secret;
        this.clock = clock;
    }

    @Override
    public SavedCard saveCard(String owner, CardDetails details) {
        var card = TestCards.read(details, YearMonth.now(clock.withZone(ZoneOffset.UTC)));
        var methodId = "pm_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.update(
                "INSERT INTO billing.provider_payment_methods (method_id, owner, brand, last4,"
                        + " exp_month, exp_year, behaviour, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                methodId,
                owner,
                card.brand(),
                card.last4(),
                card.expMonth(),
                card.expYear(),
                card.behaviour().name(),
                Timestamp.from(clock.instant()));
        return new SavedCard(methodId, card.brand(), card.last4(), card.expMonth(), card.expYear());
    }

    @Override
    public void detach(String methodId) {
        jdbc.update(
                "UPDATE billing.provider_payment_methods SET detached = true WHERE method_id = ?",
                methodId);
    }

    @Override
    public String openIntent(String reference, long amountCents) {
        jdbc.update(
                "INSERT INTO billing.provider_payment_intents (intent_id, idempotency_key,"
                        + " amount_cents, currency, reference, status, created_at)"
                        + " VALUES (?, ?, ?, 'usd', ?, 'requires_payment_method', ?)"
                        + " ON CONFLICT (idempotency_key) DO NOTHING",
                "pi_" + UUID.randomUUID().toString().replace("-", ""),
                reference,
                amountCents,
                reference,
                Timestamp.from(clock.instant()));
        return jdbc.queryForObject(
                "SELECT intent_id FROM billing.provider_payment_intents WHERE idempotency_key = ?",
                String.class,
                reference);
    }

    @Override
    @Transactional
    public PaymentAttempt confirm(String intentId, String methodId) {
        var intent =
                jdbc.queryForMap(
                        "SELECT status, amount_cents, reference FROM"
                                + " billing.provider_payment_intents WHERE intent_id = ? FOR UPDATE",
                        intentId);
        if ("succeeded".equals(intent.get("status"))) {
            return new PaymentAttempt(intentId, PaymentOutcome.SUCCEEDED);
        }
        var behaviour =
                jdbc
                        .queryForList(
                                "SELECT behaviour FROM billing.provider_payment_methods"
                                        + " WHERE method_id = ? AND NOT detached",
                                String.class,
                                methodId)
                        .stream()
                        .findFirst()
                        .map(PaymentOutcome::valueOf)
                        .orElseThrow(
                                () ->
                                        new Refused(
                                                BillingRefusal.PAYMENT_METHOD_NOT_FOUND,
                                                "the provider has no such payment method"));
        var status = behaviour.succeeded() ? "succeeded" : "requires_payment_method";
        var failureCode = STRIPE_CODES.get(behaviour);
        jdbc.update(
                "UPDATE billing.provider_payment_intents SET status = ?, method_id = ?,"
                        + " failure_code = ? WHERE intent_id = ?",
                status,
                methodId,
                failureCode,
                intentId);
        events.paymentIntentEvent(
                behaviour.succeeded() ? StripeStyleEvents.SUCCEEDED : StripeStyleEvents.FAILED,
                intentId,
                (Long) intent.get("amount_cents"),
                status,
                (String) intent.get("reference"),
                failureCode);
        return new PaymentAttempt(intentId, behaviour);
    }

    @Override
    @Transactional
    public String refund(String intentId, long amountCents, String idempotencyKey) {
        var earlier =
                jdbc.queryForList(
                        "SELECT refund_id FROM billing.provider_refunds WHERE idempotency_key = ?",
                        String.class,
                        idempotencyKey);
        if (!earlier.isEmpty()) {
            return earlier.get(0);
        }
        var intent =
                jdbc.queryForMap(
                        "SELECT status, amount_cents, amount_refunded_cents FROM"
                                + " billing.provider_payment_intents WHERE intent_id = ? FOR UPDATE",
                        intentId);
        long refundable =
                (Long) intent.get("amount_cents") - (Long) intent.get("amount_refunded_cents");
        if (!"succeeded".equals(intent.get("status")) || amountCents > refundable) {
            throw new Refused(
                    BillingRefusal.REFUND_EXCEEDS_PAYMENT,
                    "the provider can refund at most " + Math.max(refundable, 0) + " cents");
        }
        var refundId = "re_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.update(
                "INSERT INTO billing.provider_refunds (refund_id, idempotency_key, intent_id,"
                        + " amount_cents, created_at) VALUES (?, ?, ?, ?, ?)",
                refundId,
                idempotencyKey,
                intentId,
                amountCents,
                Timestamp.from(clock.instant()));
        jdbc.update(
                "UPDATE billing.provider_payment_intents SET amount_refunded_cents ="
                        + " amount_refunded_cents + ? WHERE intent_id = ?",
                amountCents,
                intentId);
        events.reversalEvent(
                StripeStyleEvents.REFUND_CREATED, "refund", refundId, intentId, amountCents);
        return refundId;
    }

    @Override
    public ProviderEvent verifiedEvent(byte[] payload, String signatureHeader) {
        WebhookSignature.verify(secret.value(), signatureHeader, payload, clock.instant());
        return StripeStyleEvents.read(payload);
    }
}
