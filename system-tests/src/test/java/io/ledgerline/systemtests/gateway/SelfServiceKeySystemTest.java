package io.ledgerline.systemtests.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.systemtests.support.GatewayApi;
import io.ledgerline.systemtests.support.JsonHttp;
import io.ledgerline.systemtests.support.LedgerApi;
import io.ledgerline.systemtests.support.RunningStack;
import io.ledgerline.systemtests.support.Tenants;
import io.ledgerline.systemtests.support.TopicScan;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Customer self-service keys on the real stack: R8 (AI credits) and R9 (partner reserve, with the
 * status changes announced on gateway.keys.v1).
 */
class SelfServiceKeySystemTest {

    private static final String MODEL = "gpt-4o-mini";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SUSPENSION_WAIT = Duration.ofSeconds(30);

    private final RunningStack stack = RunningStack.get();
    private final LedgerApi ledger = stack.ledgerApi();
    private final GatewayApi gateway = stack.gatewayApi();
    private final Tenants tenants = new Tenants(stack);

    @Test
    void R9_self_service_keys_are_refused_while_the_partner_is_below_1000_credits() {
        var partnerId = tenants.partner("STARTER", 2_500);
        var partner = "partner:" + partnerId;
        var customerId = tenants.customerWithAiCredits(partnerId, 100);
        var created = tenants.selfServiceKey(customerId, List.of(MODEL));
        var secret = GatewayApi.secretOf(created);
        // The key's deposit: 1,000 credits reserved from the partner through the ledger.
        await().atMost(SUSPENSION_WAIT)
                .until(() -> ledger.spendable(partner), Credits.ofCredits(1_500)::equals);
        assertThat(chat(secret).status()).isEqualTo(200);

        ledger.deduct(partner, Credits.ofCredits(600));

        var refused = awaitChatStatus(secret, 429);
        assertThat(refused.body().at("/error/code").asText()).isEqualTo("insufficient_quota");
        assertThat(refused.body().at("/error/message").asText()).containsIgnoringCase("top up");
        assertThat(keyStatus(customerId)).isEqualTo("SUSPENDED");

        ledger.addCredits(partner, Credits.ofCredits(1_000));

        awaitChatStatus(secret, 200);
        assertThat(keyStatus(customerId)).isEqualTo("ACTIVE");
        await().atMost(SUSPENSION_WAIT)
                .untilAsserted(
                        () ->
                                assertThat(announcedStatuses(GatewayApi.keyIdOf(created)))
                                        .containsSubsequence("ACTIVE", "SUSPENDED", "ACTIVE"));
    }

    /** The statuses gateway.keys.v1 announced for a key, in order (one key, one partition). */
    private List<String> announcedStatuses(String keyId) throws Exception {
        var statuses = new ArrayList<String>();
        var records =
                TopicScan.read(stack.kafkaBootstrapServers(), List.of(Topics.GATEWAY_KEYS.name()));
        for (var record : records) {
            var event = JSON.readTree(record.value());
            if (keyId.equals(event.path("keyId").asText())) {
                statuses.add(event.path("status").asText());
            }
        }
        return statuses;
    }

    @Test
    void R8_a_customer_with_no_ai_credits_left_is_refused() {
        var partnerId = tenants.partner("STARTER", 2_000);
        var customerId = tenants.customerWithAiCredits(partnerId, 0);
        var secret = GatewayApi.secretOf(tenants.selfServiceKey(customerId, List.of(MODEL)));

        var refused = chat(secret);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.body().at("/error/code").asText()).isEqualTo("insufficient_quota");
        assertThat(ledger.spendable("customer:" + customerId)).isEqualTo(Credits.ZERO);
    }

    private JsonHttp.Reply chat(String secret) {
        return gateway.chat(secret, MODEL, "Hello from a customer.", 16);
    }

    private JsonHttp.Reply awaitChatStatus(String secret, int status) {
        return await().atMost(SUSPENSION_WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> chat(secret), reply -> reply.status() == status);
    }

    private String keyStatus(String customerId) {
        var keys = gateway.get("/api/v1/customers/" + customerId + "/keys");
        assertThat(keys.status()).as(keys.toString()).isEqualTo(200);
        assertThat(keys.body().size()).as(keys.toString()).isEqualTo(1);
        return keys.body().get(0).path("status").asText();
    }
}
