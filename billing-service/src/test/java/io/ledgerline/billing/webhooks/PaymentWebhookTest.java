package io.ledgerline.billing.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.ledgerline.billing.payments.StripeStyleEvents;
import io.ledgerline.billing.payments.WebhookSignature;
import io.ledgerline.billing.support.CommerceTestBase;
import io.ledgerline.billing.support.TestClock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The provider's webhook: signed deliveries only, each event acted on once, a ledger outage retried
 * by the provider until the credits are granted.
 */
class PaymentWebhookTest extends CommerceTestBase {

    @LocalServerPort int port;

    /** Billing's clock, which other tests move: the webhook checks timestamps against it. */
    @Autowired TestClock clock;

    @Test
    void the_same_provider_event_delivered_twice_grants_the_credits_once() {
        var open = anOpenInvoiceOfADeclinedPurchase();
        var paid = payInvoice(open.account, open.invoiceId, card(open.account, VISA_SUCCEEDS));
        assertThat(paid.getStatusCode().value()).isEqualTo(202);
        awaitPurchase(open.account, open.purchaseId, "CREDITED");
        var succeeded = providerEventsOf(open.invoiceId).get(1);

        var redelivery =
                send(
                        HttpMethod.POST,
                        "/api/v1/payment-provider/events/" + succeeded + "/redeliver",
                        null);
        awaitDelivered(succeeded);
        var payload =
                jdbc.queryForObject(
                        "SELECT payload FROM billing.provider_events WHERE event_id = ?",
                        String.class,
                        succeeded);
        var direct = deliver(payload, signed(payload, clock.instant()));

        assertThat(redelivery.getStatusCode().value()).isEqualTo(202);
        assertThat(direct.getStatusCode().value()).isEqualTo(200);
        assertThat(direct.getBody().path("outcome").asText()).isEqualTo("ALREADY_PROCESSED");
        assertThat(LEDGER.effectiveOn(open.account)).hasSize(1);
        assertThat(
                        send(
                                        HttpMethod.POST,
                                        "/api/v1/payment-provider/events/evt_nope/redeliver",
                                        null)
                                .getBody()
                                .path("code")
                                .asText())
                .isEqualTo("PROVIDER_EVENT_NOT_FOUND");
    }

    @Test
    void a_delivery_with_a_bad_signature_or_none_is_refused_and_changes_nothing() {
        var open = anOpenInvoiceOfADeclinedPurchase();
        var forged = succeededEventFor(open);

        var wrongSecret =
                deliver(
                        forged,
                        WebhookSignature.header(
                                "whsec_not_the_secret",
                                clock.instant(),
                                forged.getBytes(StandardCharsets.UTF_8)));
        var unsigned = deliver(forged, null);
        var tampered =
                deliver(
                        forged.replace("\"amount\":1500", "\"amount\":1"),
                        signed(forged, clock.instant()));

        for (var refused : java.util.List.of(wrongSecret, unsigned, tampered)) {
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(code(refused)).isEqualTo("WEBHOOK_SIGNATURE_INVALID");
        }
        assertNothingChanged(open);
    }

    @Test
    void a_delivery_signed_long_ago_is_refused_as_a_replay_and_changes_nothing() {
        var open = anOpenInvoiceOfADeclinedPurchase();
        var event = succeededEventFor(open);

        var old = deliver(event, signed(event, clock.instant().minus(Duration.ofMinutes(6))));

        assertThat(old.getStatusCode().value()).isEqualTo(400);
        assertThat(code(old)).isEqualTo("WEBHOOK_TIMESTAMP_TOO_OLD");
        assertNothingChanged(open);
    }

    @Test
    void while_the_ledger_is_down_the_event_is_refused_and_retried_until_the_credits_are_granted() {
        var open = anOpenInvoiceOfADeclinedPurchase();
        var method = card(open.account, VISA_SUCCEEDS);
        int refusedBefore = LEDGER.refusedWhileDown();
        LEDGER.goDown();
        try {
            payInvoice(open.account, open.invoiceId, method);
            eventually().until(() -> LEDGER.refusedWhileDown() > refusedBefore);
            assertThat(purchase(open.account, open.purchaseId).getBody().path("status").asText())
                    .isEqualTo("AWAITING_PAYMENT");
        } finally {
            LEDGER.comeBack();
        }

        awaitPurchase(open.account, open.purchaseId, "CREDITED");
        assertThat(LEDGER.effectiveOn(open.account)).hasSize(1);
        assertThat(invoice(open.account, open.invoiceId).path("status").asText()).isEqualTo("PAID");
    }

    private record Open(String account, String purchaseId, String invoiceId, String intentId) {}

    /** A purchase of 15.00 USD whose card was declined: its invoice is open, nothing granted. */
    private Open anOpenInvoiceOfADeclinedPurchase() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var account = "customer:" + customer;
        var planId = plan(partner, "Webhook plan", 1500, 20);
        card(account, DECLINED);
        var purchaseId = unique("buy");
        assertThat(code(buy(customer, purchaseId, planId))).isEqualTo("CARD_DECLINED");
        var invoiceId = purchase(account, purchaseId).getBody().path("invoiceId").asText();
        awaitDelivered(providerEventsOf(invoiceId).get(0));
        var intentId = invoice(account, invoiceId).path("paymentIntentId").asText();
        return new Open(account, purchaseId, invoiceId, intentId);
    }

    /** An event claiming the open invoice's intent succeeded, as a forger would write it. */
    private String succeededEventFor(Open open) {
        return StripeStyleEvents.paymentIntentEvent(
                "evt_" + unique("forged").replace("-", ""),
                StripeStyleEvents.SUCCEEDED,
                Instant.now(),
                open.intentId,
                1500,
                "succeeded",
                open.invoiceId,
                null);
    }

    private void assertNothingChanged(Open open) {
        assertThat(invoice(open.account, open.invoiceId).path("status").asText()).isEqualTo("OPEN");
        assertThat(purchase(open.account, open.purchaseId).getBody().path("status").asText())
                .isEqualTo("AWAITING_PAYMENT");
        assertThat(LEDGER.effectiveOn(open.account)).isEmpty();
    }

    private static String signed(String payload, Instant at) {
        return WebhookSignature.header(
                WEBHOOK_SECRET, at, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** As the provider delivers: no bearer token, the signature header alone. */
    private ResponseEntity<JsonNode> deliver(String payload, String signature) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            headers.set(WebhookSignature.HEADER, signature);
        }
        return new TestRestTemplate()
                .exchange(
                        "http://127.0.0.1:" + port + "/api/v1/payment-provider/webhook",
                        HttpMethod.POST,
                        new HttpEntity<>(payload, headers),
                        JsonNode.class);
    }
}
