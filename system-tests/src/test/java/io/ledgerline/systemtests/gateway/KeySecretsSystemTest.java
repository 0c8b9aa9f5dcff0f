package io.ledgerline.systemtests.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.systemtests.support.GatewayApi;
import io.ledgerline.systemtests.support.RunningStack;
import io.ledgerline.systemtests.support.ServiceProcess;
import io.ledgerline.systemtests.support.StoredRows;
import io.ledgerline.systemtests.support.Tenants;
import io.ledgerline.systemtests.support.TopicScan;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A key's secret is shown once, at creation or regeneration, and nowhere else: not in any service's
 * log, not in an error body, not in any Kafka record and not in any stored row.
 */
class KeySecretsSystemTest {

    private static final String MODEL = "gpt-4o-mini";

    private final RunningStack stack = RunningStack.get();
    private final GatewayApi gateway = stack.gatewayApi();
    private final Tenants tenants = new Tenants(stack);

    @Test
    void raw_keys_never_appear_in_logs_error_bodies_events_or_stored_rows() {
        var partnerId = tenants.partner("STARTER", 3_000);
        var customerId = tenants.customerWithAiCredits(partnerId, 10);
        var partnerKey = tenants.partnerKey(partnerId, Credits.ofCredits(10), List.of(MODEL));
        var selfService = tenants.selfServiceKey(customerId, List.of(MODEL));
        var secrets =
                new ArrayList<>(
                        List.of(GatewayApi.secretOf(partnerKey), GatewayApi.secretOf(selfService)));
        var regenerated = gateway.regeneratePartnerKey(partnerId, GatewayApi.keyIdOf(partnerKey));
        assertThat(regenerated.status()).as(regenerated.toString()).isEqualTo(200);
        secrets.add(GatewayApi.secretOf(regenerated));

        var errorBodies = new ArrayList<String>();
        for (var secret : secrets) {
            var used = gateway.chat(secret, MODEL, "hello", 8);
            errorBodies.add(gateway.chat(secret + "x", MODEL, "garbled key", 8).raw());
            errorBodies.add(gateway.chat(secret, "gpt-4o", "model not on the key", 8).raw());
            assertThat(used.raw()).doesNotContain(secret);
        }
        // The old secret of the regenerated key, once more: refused, and not echoed.
        errorBodies.add(gateway.chat(secrets.get(0), MODEL, "old secret", 8).raw());
        // Let billing process the usage these calls produced, so its rows are searched too.
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                stack.ledgerApi()
                                        .spendable("customer:" + customerId)
                                        .isLessThan(Credits.ofCredits(10)));

        var records = TopicScan.everyRecordsBytes(stack.kafkaBootstrapServers());
        for (var secret : secrets) {
            assertThat(errorBodies).noneMatch(body -> body.contains(secret));
            for (var service :
                    List.of(stack.gateway(), stack.billing(), stack.ledger(), stack.llmStub())) {
                assertThat(service.logContains(secret)).as("secret in " + logOf(service)).isFalse();
            }
            assertThat(records)
                    .noneMatch(bytes -> new String(bytes, StandardCharsets.UTF_8).contains(secret));
            assertThat(StoredRows.tablesContaining(stack, secret)).isEmpty();
        }
    }

    private static String logOf(ServiceProcess service) {
        return service.name() + ".log";
    }
}
