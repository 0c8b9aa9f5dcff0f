package io.ledgerline.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.notification.support.NotificationIntegrationTest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;

/** Webhook secrets are sealed in the schema, shown once, and still sign every delivery. */
class WebhookSecretsAtRestTest extends NotificationIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String partner = unique("p");
    private final AccountId customer = AccountId.customer(unique("c"));

    @Test
    void the_stored_secret_is_sealed_and_deliveries_still_verify() throws Exception {
        var path = "/" + unique("sealed");
        var added =
                JSON.readTree(
                        call(
                                        "POST",
                                        "/api/v1/partners/" + partner + "/webhooks",
                                        "{\"url\":\"" + RECEIVER.url(path) + "\"}")
                                .body());
        var endpointId = added.get("endpointId").asText();
        var secret = added.get("secret").asText();

        var stored =
                jdbc.queryForMap(
                        "SELECT * FROM notification.webhook_endpoints WHERE endpoint_id = ?",
                        endpointId);
        var sealed = (String) stored.get("secret_sealed");
        var secretBody = secret.substring(WebhookController.SECRET_PREFIX.length());
        assertThat(stored).doesNotContainKey("secret");
        assertThat(sealed).startsWith(SecretSealer.FORMAT).doesNotContain(secretBody);
        assertThat(new String(Base64.getDecoder().decode(sealed.substring(3))).contains(secretBody))
                .isFalse();
        assertThat(call("GET", "/api/v1/partners/" + partner + "/webhooks", null).body())
                .contains(endpointId)
                .doesNotContain(secretBody)
                .doesNotContain(sealed);

        publish(
                ledger.open(customer, partner),
                ledger.configure(customer, 50, true),
                ledger.addAi(customer, partner, 100),
                ledger.useAi(customer, partner, 60));

        eventually().until(() -> RECEIVER.on(path).size() == 1);
        var delivery = RECEIVER.on(path).get(0);
        assertThat(
                        ReadmeVerifier.verify(
                                secret,
                                delivery.signature(),
                                delivery.body(),
                                Instant.now().getEpochSecond()))
                .isTrue();
    }

    @Test
    void a_sealed_secret_opens_only_for_its_endpoint_and_under_its_key() {
        var key = Base64.getEncoder().encodeToString(new byte[32]);
        var sealer = new SecretSealer(key);
        var sealed = sealer.seal("whe_a", "whsec_abc");

        assertThat(sealer.open("whe_a", sealed)).isEqualTo("whsec_abc");
        assertThat(sealer.seal("whe_a", "whsec_abc")).isNotEqualTo(sealed);
        assertThatThrownBy(() -> sealer.open("whe_b", sealed))
                .isInstanceOf(SecretSealer.UnreadableSecretException.class);
        assertThatThrownBy(() -> new SecretSealer("").open("whe_a", sealed))
                .isInstanceOf(SecretSealer.UnreadableSecretException.class);
        assertThatThrownBy(() -> sealer.open("whe_a", "whsec_abc"))
                .isInstanceOf(SecretSealer.UnreadableSecretException.class);
    }
}
