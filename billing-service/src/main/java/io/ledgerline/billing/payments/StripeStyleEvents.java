package io.ledgerline.billing.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.Refused;

import java.io.IOException;
import java.time.Instant;

/**
 * Events in the shape Stripe sends them ({@code {id, object: "event", type, created, data: {object:
 * <payment_intent>}}}), written by the built-in provider and read back from a verified delivery.
 * Only the fields billing acts on are read.
 */
public final class StripeStyleEvents {

    public static final String SUCCEEDED = "payment_intent.succeeded";
    public static final String FAILED = "payment_intent.payment_failed";
    public static final String REFUND_CREATED = "refund.created";
    public static final String DISPUTE_CREATED = "charge.dispute.created";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StripeStyleEvents() {}

    /** An event about a payment intent, with {@code failureCode} as Stripe names it or null. */
    public static String paymentIntentEvent(
            String eventId,
            String type,
            Instant created,
            String intentId,
            long amountCents,
            String status,
            String reference,
            String failureCode) {
        ObjectNode event = JSON.createObjectNode();
        event.put("id", eventId).put("object", "event").put("type", type);
        event.put("created", created.getEpochSecond()).put("livemode", false);
        var intent = event.putObject("data").putObject("object");
        intent.put("id", intentId).put("object", "payment_intent");
        intent.put("amount", amountCents).put("currency", "usd").put("status", status);
        intent.putObject("metadata").put("reference", reference);
        if (failureCode != null) {
            var error = intent.putObject("last_payment_error").put("type", "card_error");
            if (failureCode.equals("insufficient_funds")) {
                error.put("code", "card_declined").put("decline_code", "insufficient_funds");
            } else {
                error.put("code", failureCode);
            }
        }
        return event.toString();
    }

    /** An event about a refund ({@code object: "refund"}) or a dispute ({@code "dispute"}). */
    public static String reversalEvent(
            String eventId,
            String type,
            Instant created,
            String objectType,
            String objectId,
            String intentId,
            long amountCents) {
        ObjectNode event = JSON.createObjectNode();
        event.put("id", eventId).put("object", "event").put("type", type);
        event.put("created", created.getEpochSecond()).put("livemode", false);
        var object = event.putObject("data").putObject("object");
        object.put("id", objectId).put("object", objectType);
        object.put("amount", amountCents).put("currency", "usd").put("payment_intent", intentId);
        object.put("status", "succeeded");
        return event.toString();
    }

    public static ProviderEvent read(byte[] payload) {
        JsonNode event;
        try {
            event = JSON.readTree(payload);
        } catch (IOException e) {
            throw new Refused(BillingRefusal.WEBHOOK_SIGNATURE_INVALID, "the event is not JSON");
        }
        if (event == null || !event.path("id").isTextual() || !event.path("type").isTextual()) {
            throw new Refused(
                    BillingRefusal.WEBHOOK_SIGNATURE_INVALID, "the event has no id or type");
        }
        var type = event.path("type").asText();
        var object = event.path("data").path("object");
        var reversal = reversalOf(type, object);
        if (reversal != null) {
            return new ProviderEvent(
                    event.path("id").asText(),
                    type,
                    reversal,
                    object.path("payment_intent").asText(),
                    object.path("amount").asLong(),
                    null);
        }
        boolean isIntent = "payment_intent".equals(object.path("object").asText());
        var kind =
                !isIntent
                        ? ProviderEvent.Kind.OTHER
                        : switch (type) {
                            case SUCCEEDED -> ProviderEvent.Kind.PAYMENT_SUCCEEDED;
                            case FAILED -> ProviderEvent.Kind.PAYMENT_FAILED;
                            default -> ProviderEvent.Kind.OTHER;
                        };
        return new ProviderEvent(
                event.path("id").asText(),
                type,
                kind,
                isIntent ? object.path("id").asText() : null,
                object.path("amount").asLong(),
                kind == ProviderEvent.Kind.PAYMENT_FAILED
                        ? failureOf(object.path("last_payment_error"))
                        : null);
    }

    private static ProviderEvent.Kind reversalOf(String type, JsonNode object) {
        if (!object.path("payment_intent").isTextual()) {
            return null;
        }
        if (type.equals(REFUND_CREATED) && "refund".equals(object.path("object").asText())) {
            return ProviderEvent.Kind.REFUNDED;
        }
        if (type.equals(DISPUTE_CREATED) && "dispute".equals(object.path("object").asText())) {
            return ProviderEvent.Kind.DISPUTED;
        }
        return null;
    }

    /** Stripe's error codes as billing's outcomes; an unknown code is a decline. */
    public static PaymentOutcome failureOf(JsonNode error) {
        var declineCode = error.path("decline_code").asText("");
        var code = error.path("code").asText("");
        if (declineCode.equals("insufficient_funds") || code.equals("insufficient_funds")) {
            return PaymentOutcome.INSUFFICIENT_FUNDS;
        }
        if (code.equals("processing_error")) {
            return PaymentOutcome.PROCESSING_ERROR;
        }
        return PaymentOutcome.CARD_DECLINED;
    }
}
