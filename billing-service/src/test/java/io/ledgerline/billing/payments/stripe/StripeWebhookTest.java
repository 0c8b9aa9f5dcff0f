package io.ledgerline.billing.payments.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.net.Webhook;

import io.ledgerline.billing.payments.PaymentOutcome;
import io.ledgerline.billing.payments.ProviderEvent;
import io.ledgerline.contracts.problem.Refused;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The Stripe adapter's webhook against recorded Stripe payloads, signed here with the endpoint's
 * secret as Stripe signs them; no network.
 */
class StripeWebhookTest {

    private static final String SECRET = "whsec_test_recorded_fixture_secret";
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    private final StripeProvider stripe =
            new StripeProvider(
                    new StripeClient("sk_test_never_used"),
                    new StripeProperties("sk_test_never_used", SECRET),
                    Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_signed_recorded_success_is_read_as_a_payment_that_succeeded() {
        var payload = fixture("payment_intent.succeeded.json");

        var event = stripe.verifiedEvent(payload, signed(payload, NOW));

        assertThat(event.eventId()).isEqualTo("evt_3QxStripeRecorded01");
        assertThat(event.kind()).isEqualTo(ProviderEvent.Kind.PAYMENT_SUCCEEDED);
        assertThat(event.intentId()).isEqualTo("pi_3QxStripeRecorded01");
        assertThat(event.amountCents()).isEqualTo(6000);
    }

    @Test
    void a_recorded_failure_and_a_dispute_are_read_with_their_meaning() {
        var failed = fixture("payment_intent.payment_failed.json");
        var dispute = fixture("charge.dispute.created.json");

        var failure = stripe.verifiedEvent(failed, signed(failed, NOW));
        var chargeback = stripe.verifiedEvent(dispute, signed(dispute, NOW));

        assertThat(failure.kind()).isEqualTo(ProviderEvent.Kind.PAYMENT_FAILED);
        assertThat(failure.failure()).isEqualTo(PaymentOutcome.INSUFFICIENT_FUNDS);
        assertThat(chargeback.kind()).isEqualTo(ProviderEvent.Kind.DISPUTED);
        assertThat(chargeback.intentId()).isEqualTo("pi_3QxStripeRecorded01");
        assertThat(chargeback.amountCents()).isEqualTo(6000);
    }

    @Test
    void a_tampered_payload_a_wrong_secret_no_header_or_an_old_signature_are_refused() {
        var payload = fixture("payment_intent.succeeded.json");
        var header = signed(payload, NOW);
        var tampered =
                new String(payload, StandardCharsets.UTF_8)
                        .replace("6000", "9000")
                        .getBytes(StandardCharsets.UTF_8);

        assertThat(codeOf(() -> stripe.verifiedEvent(tampered, header)))
                .isEqualTo("WEBHOOK_SIGNATURE_INVALID");
        assertThat(codeOf(() -> stripe.verifiedEvent(payload, null)))
                .isEqualTo("WEBHOOK_SIGNATURE_INVALID");
        assertThat(
                        codeOf(
                                () ->
                                        stripe.verifiedEvent(
                                                payload,
                                                header.replace(
                                                        header.substring(header.indexOf("v1=") + 3),
                                                        "0".repeat(64)))))
                .isEqualTo("WEBHOOK_SIGNATURE_INVALID");
        assertThat(
                        codeOf(
                                () ->
                                        stripe.verifiedEvent(
                                                payload, signed(payload, NOW.minusSeconds(600)))))
                .isEqualTo("WEBHOOK_TIMESTAMP_TOO_OLD");
    }

    private static String codeOf(Runnable call) {
        var thrown = org.assertj.core.api.Assertions.catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(Refused.class);
        return ((Refused) thrown).code().name();
    }

    private static String signed(byte[] payload, Instant at) {
        long seconds = at.getEpochSecond();
        try {
            var signature =
                    Webhook.Util.computeHmacSha256(
                            SECRET, seconds + "." + new String(payload, StandardCharsets.UTF_8));
            return "t=" + seconds + ",v1=" + signature;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] fixture(String name) {
        try (var in = StripeWebhookTest.class.getResourceAsStream("/stripe/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
