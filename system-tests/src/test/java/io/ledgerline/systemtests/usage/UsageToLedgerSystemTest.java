package io.ledgerline.systemtests.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.usage.UsageRecorded;
import io.ledgerline.contracts.usage.UsageRecorded.CustomerBilling;
import io.ledgerline.systemtests.support.GatewayApi;
import io.ledgerline.systemtests.support.LedgerApi;
import io.ledgerline.systemtests.support.RunningStack;
import io.ledgerline.systemtests.support.Tenants;
import io.ledgerline.systemtests.support.UsageTopic;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** usage.v1 → billing-service → ledger-service: each use shows as a Used row of the payer. */
class UsageToLedgerSystemTest {

    private static final Duration BILLING_WAIT = Duration.ofSeconds(60);

    private final RunningStack stack = RunningStack.get();
    private final LedgerApi ledger = stack.ledgerApi();
    private final Tenants tenants = new Tenants(stack);

    @Test
    void usage_recorded_on_usage_v1_is_charged_to_the_customers_ai_credits() {
        var partnerId = tenants.partner("STARTER", 2_000);
        var customerId = tenants.customerWithAiCredits(partnerId, 100);
        var requestId = "req-" + UUID.randomUUID();

        UsageTopic.publish(
                stack.kafkaBootstrapServers(),
                new UsageRecorded(
                        UUID.randomUUID().toString(),
                        requestId,
                        UsageRecorded.Source.GATEWAY,
                        "k-system",
                        partnerId,
                        customerId,
                        "gpt-4o-mini",
                        1_000,
                        500,
                        120,
                        0,
                        0,
                        List.of(),
                        new CustomerBilling(200, Credits.ofCredits(1), Credits.ZERO),
                        null,
                        Instant.now()));

        var used = awaitUsedRows("customer:" + customerId, 1).get(0);
        var charged = Credits.ofMicros(Math.abs(used.path("amountUcr").asLong()));
        assertThat(charged.isPositive()).as(used.toString()).isTrue();
        assertThat(ledger.spendable("customer:" + customerId))
                .isEqualTo(Credits.ofCredits(100).minus(charged));
        assertThat(ledger.ledgerSumUcr("PLATFORM")).isZero();
    }

    @Test
    void a_chat_through_the_gateway_is_charged_to_the_customer_and_reconciles_with_its_header() {
        var partnerId = tenants.partner("STARTER", 3_000);
        var customerId = tenants.customerWithAiCredits(partnerId, 50);
        var key = tenants.selfServiceKey(customerId, List.of("gpt-4o-mini"));

        var reply =
                stack.gatewayApi()
                        .chat(
                                GatewayApi.secretOf(key),
                                "gpt-4o-mini",
                                "Say something about ledgers.",
                                32);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header(GatewayApi.REQUEST_ID)).isNotBlank();
        var cost = Credits.parse(reply.header(GatewayApi.COST));
        var used = awaitUsedRows("customer:" + customerId, 1).get(0);
        assertThat(Credits.ofMicros(Math.abs(used.path("amountUcr").asLong()))).isEqualTo(cost);
        assertThat(ledger.spendable("customer:" + customerId))
                .isEqualTo(Credits.ofCredits(50).minus(cost));
    }

    @Test
    void R10_a_partner_key_with_customer_billing_charges_the_partner_budget_and_the_customer() {
        var partnerId = tenants.partner("STARTER", 1_000);
        var customerId = tenants.customerWithAiCredits(partnerId, 20);
        var terms =
                Map.<String, Object>of(
                        "customerBilling",
                        Map.of(
                                "customerId",
                                customerId,
                                "profitMultiplierPercent",
                                300,
                                "aiCreditPriceCents",
                                "1"));
        var budget = Credits.ofCredits(10);
        // Retried until the gateway's projection of the ledger knows the customer.
        var created =
                await().atMost(Tenants.PROJECTION_WAIT)
                        .until(
                                () ->
                                        stack.gatewayApi()
                                                .createPartnerKey(
                                                        partnerId,
                                                        budget,
                                                        List.of("gpt-4o-mini"),
                                                        terms),
                                reply -> reply.status() == 201);

        var reply =
                stack.gatewayApi()
                        .chat(
                                GatewayApi.secretOf(created),
                                "gpt-4o-mini",
                                "Bill this to my customer.",
                                32);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        var platformCost = Credits.parse(reply.header(GatewayApi.COST));
        var reserve = "partner/" + partnerId + "/reserve/key-" + GatewayApi.keyIdOf(created);
        await().atMost(BILLING_WAIT)
                .until(
                        () -> ledger.balanceOf("partner:" + partnerId, reserve),
                        budget.minus(platformCost)::equals);
        var used = awaitUsedRows("customer:" + customerId, 1).get(0);
        var customerCharge = Credits.ofMicros(Math.abs(used.path("amountUcr").asLong()));
        assertThat(customerCharge).isGreaterThan(platformCost);
        assertThat(ledger.spendable("customer:" + customerId))
                .isEqualTo(Credits.ofCredits(20).minus(customerCharge));
    }

    private List<JsonNode> awaitUsedRows(String accountId, int count) {
        var rows = new ArrayList<JsonNode>();
        await().atMost(BILLING_WAIT)
                .untilAsserted(
                        () -> {
                            rows.clear();
                            for (var row : ledger.history(accountId).body().path("rows")) {
                                if (row.path("type").asText().equals("Used")) {
                                    rows.add(row);
                                }
                            }
                            assertThat(rows).as("Used rows of " + accountId).hasSize(count);
                        });
        return rows;
    }
}
