package io.ledgerline.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.notification.support.NotificationIntegrationTest;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Signed webhooks: verifiable by the README's snippet, retried after a 500, logged, replayed. */
class WebhookDeliveryTest extends NotificationIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String partner = unique("p");
    private final AccountId customer = AccountId.customer(unique("c"));

    private JsonNode addEndpoint(String path) throws Exception {
        var response =
                call(
                        "POST",
                        "/api/v1/partners/" + partner + "/webhooks",
                        "{\"url\":\"" + RECEIVER.url(path) + "\",\"alerts\":[\"LOW_CREDIT\"]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private void crossThreshold() {
        publish(
                ledger.open(customer, partner),
                ledger.configure(customer, 50, true),
                ledger.addAi(customer, partner, 100),
                ledger.useAi(customer, partner, 60));
    }

    @Test
    void R15_webhook_is_signed_and_verifiable_by_the_documented_snippet() throws Exception {
        var path = "/" + unique("hook");
        var endpoint = addEndpoint(path);
        var secret = endpoint.get("secret").asText();
        assertThat(secret).startsWith("whsec_");

        crossThreshold();

        eventually().until(() -> RECEIVER.on(path).size() == 1);
        var delivery = RECEIVER.on(path).get(0);
        long now = Instant.now().getEpochSecond();
        assertThat(ReadmeVerifier.verify(secret, delivery.signature(), delivery.body(), now))
                .isTrue();
        assertThat(ReadmeVerifier.verify("whsec_other", delivery.signature(), delivery.body(), now))
                .isFalse();
        assertThat(ReadmeVerifier.verify(secret, delivery.signature(), delivery.body() + " ", now))
                .isFalse();
        var body = JSON.readTree(delivery.body());
        assertThat(body.get("type").asText()).isEqualTo("LOW_CREDIT");
        assertThat(body.get("data").get("accountId").asText()).isEqualTo(customer.value());
        var listed = call("GET", "/api/v1/partners/" + partner + "/webhooks", null);
        assertThat(listed.body())
                .contains(endpoint.get("endpointId").asText())
                .doesNotContain(secret);
    }

    @Test
    void a_too_old_timestamp_is_rejected_by_the_verifier() throws Exception {
        var body = "{\"id\":\"x\"}";
        long signedAt = Instant.now().getEpochSecond() - 600;
        var header = Signature.header("whsec_s", signedAt, body);

        assertThat(ReadmeVerifier.verify("whsec_s", header, body, signedAt + 10)).isTrue();
        assertThat(ReadmeVerifier.verify("whsec_s", header, body, signedAt + 600)).isFalse();
    }

    @Test
    void a_500_is_retried_with_back_off_until_delivered_and_the_log_shows_every_attempt()
            throws Exception {
        var path = "/" + unique("flaky");
        RECEIVER.answer(path, 500, 503);
        var endpoint = addEndpoint(path);

        crossThreshold();

        eventually().until(() -> RECEIVER.on(path).size() == 3);
        var log =
                "/api/v1/partners/"
                        + partner
                        + "/webhooks/"
                        + endpoint.get("endpointId").asText()
                        + "/deliveries";
        eventually().until(() -> call("GET", log, null).body().contains("\"SENT\""));
        var deliveries = JSON.readTree(call("GET", log, null).body());
        assertThat(deliveries).hasSize(1);
        var attempts = deliveries.get(0).get("log");
        assertThat(attempts).hasSize(3);
        assertThat(attempts.get(0).get("statusCode").asInt()).isEqualTo(500);
        assertThat(attempts.get(1).get("statusCode").asInt()).isEqualTo(503);
        assertThat(attempts.get(2).get("statusCode").asInt()).isEqualTo(200);

        var deliveryId = deliveries.get(0).get("deliveryId").asText();
        var replay = call("POST", log + "/" + deliveryId + "/replay", null);
        assertThat(replay.statusCode()).isEqualTo(202);
        eventually().until(() -> RECEIVER.on(path).size() == 4);
        assertThat(RECEIVER.on(path).get(3).deliveryId()).isEqualTo(deliveryId);
    }

    @Test
    void the_readme_shows_the_verifier_the_tests_use() throws Exception {
        var source =
                Files.readString(
                        Path.of(
                                "src/test/java/io/ledgerline/notification/webhook/"
                                        + "ReadmeVerifier.java"));
        var snippet =
                source.substring(
                        source.indexOf("// snippet-start\n") + "// snippet-start\n".length(),
                        source.indexOf("    // snippet-end"));
        var unindented =
                snippet.lines()
                        .map(line -> line.length() >= 4 ? line.substring(4) : line)
                        .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        assertThat(Files.readString(Path.of("README.md"))).contains(unindented);
    }
}
