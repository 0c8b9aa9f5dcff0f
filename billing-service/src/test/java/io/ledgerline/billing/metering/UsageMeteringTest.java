package io.ledgerline.billing.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.billing.support.BillingIntegrationTest;
import io.ledgerline.billing.support.FakeLedger.Received;
import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.event.AiCreditsConfigured;
import io.ledgerline.contracts.ledger.event.EventHeader;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.contracts.usage.UsageRecorded;
import io.ledgerline.contracts.usage.UsageRecorded.CostLine;
import io.ledgerline.contracts.usage.UsageRecorded.CostLine.Kind;
import io.ledgerline.contracts.usage.UsageRecorded.CustomerBilling;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Usage on {@code usage.v1} → rated → ledger commands, against real Kafka and PostgreSQL. */
class UsageMeteringTest extends BillingIntegrationTest {

    private static final CustomerBilling MARKUP_150 =
            new CustomerBilling(150, Credits.ofCredits(1), Credits.ZERO);

    @Autowired TestRestTemplate http;

    @Test
    void partner_key_usage_settles_its_platform_cost_from_the_key_budget_reservation() {
        var request = unique("req");
        var partner = unique("p");
        publish(gatewayUsage(request, partner, null, "gpt-4o-mini", 1000, 500, null, "res-1"));

        awaitCharged(request);

        assertThat(LEDGER.effectiveFor(request))
                .singleElement()
                .satisfies(
                        command -> {
                            assertThat(command.kind()).isEqualTo("SettleReservation");
                            assertThat(command.accountId()).isEqualTo("partner:" + partner);
                            assertThat(command.reservationId()).isEqualTo("res-1");
                            assertThat(command.amountUcr()).isEqualTo(45_000);
                            assertThat(command.commandId())
                                    .isEqualTo("usage-" + request + "-settle");
                        });
        assertThat(chargeOf(request))
                .containsEntry("status", "CHARGED")
                .containsEntry("platform_cost_ucr", 45_000L);
    }

    @Test
    void R10_partner_key_with_customer_billing_settles_cost_and_meters_the_marked_up_charge() {
        var request = unique("req");
        var partner = unique("p");
        var customer = unique("c");
        publish(
                gatewayUsage(
                        request, partner, customer, "gpt-4o-mini", 1000, 500, MARKUP_150, "res-2"));

        awaitCharged(request);

        assertThat(LEDGER.effectiveFor(request))
                .extracting(Received::kind, Received::accountId, Received::amountUcr)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "SettleReservation", "partner:" + partner, 45_000L),
                        org.assertj.core.groups.Tuple.tuple(
                                "MeterUsage", "customer:" + customer, 67_500L));
        assertThat(chargeOf(request)).containsEntry("customer_charge_ucr", 67_500L);
    }

    @Test
    void self_service_key_usage_meters_the_customer_in_ai_credits() {
        var request = unique("req");
        var customer = unique("c");
        publish(gatewayUsage(request, unique("p"), customer, "gpt-4o", 3, 7, MARKUP_150, null));

        awaitCharged(request);

        assertThat(LEDGER.effectiveFor(request))
                .singleElement()
                .satisfies(
                        command -> {
                            assertThat(command.kind()).isEqualTo("MeterUsage");
                            assertThat(command.accountId()).isEqualTo("customer:" + customer);
                            assertThat(command.amountUcr()).isEqualTo(11_625);
                        });
    }

    @Test
    void a_revoked_keys_closed_reservation_falls_back_to_metering_the_partner() {
        var request = unique("req");
        var partner = unique("p");
        var reservation = unique("res");
        LEDGER.closeReservation(reservation);
        publish(gatewayUsage(request, partner, null, "gpt-4o-mini", 1000, 500, null, reservation));

        awaitCharged(request);

        assertThat(LEDGER.effectiveFor(request))
                .singleElement()
                .satisfies(
                        command -> {
                            assertThat(command.kind()).isEqualTo("MeterUsage");
                            assertThat(command.accountId()).isEqualTo("partner:" + partner);
                            assertThat(command.amountUcr()).isEqualTo(45_000);
                        });
        assertThat(chargeOf(request)).containsEntry("status", "CHARGED");
    }

    @Test
    void R14_agent_call_is_charged_per_prorated_minute_cost_line_and_tool_call() {
        var customer = unique("c");
        configurePricePerMinute(customer, Credits.ofCredits(10));
        eventually().until(() -> knownPricePerMinute(customer) != null);
        var request = unique("call");
        var lines =
                List.of(
                        new CostLine(Kind.LLM, Credits.ofMicros(500_000)),
                        new CostLine(Kind.STT, Credits.ofMicros(250_000)),
                        new CostLine(Kind.TTS, Credits.ofMicros(125_000)));

        publish(agentCall(request, unique("p"), customer, 90, 3, lines));
        awaitCharged(request);

        // 90 s at 10 cr/min = 15 cr; 3 tool calls at 0.03 cr; cost lines 0.875 cr at cost.
        assertThat(LEDGER.effectiveFor(request))
                .singleElement()
                .satisfies(
                        command -> {
                            assertThat(command.kind()).isEqualTo("MeterUsage");
                            assertThat(command.accountId()).isEqualTo("customer:" + customer);
                            assertThat(command.amountUcr()).isEqualTo(15_965_000);
                        });
    }

    @Test
    void R14_price_per_minute_follows_the_newest_configuration_and_ignores_redelivery() {
        var customer = unique("c");
        var first = configurePricePerMinute(customer, Credits.ofCredits(10), 1);
        configurePricePerMinute(customer, Credits.ofCredits(12), 2);
        publish(
                Topics.LEDGER_EVENTS.name(),
                "customer:" + customer,
                "AiCreditsConfigured",
                ContractJson.toBytes(first));

        eventually().until(() -> Long.valueOf(12_000_000).equals(knownPricePerMinute(customer)));
        var request = unique("call");
        publish(agentCall(request, unique("p"), customer, 30, 0, List.of()));
        awaitCharged(request);
        assertThat(LEDGER.effectiveFor(request))
                .extracting(Received::amountUcr)
                .containsExactly(6_000_000L);
    }

    @Test
    void redelivered_usage_is_charged_once_with_one_ledger_command() {
        var request = unique("req");
        var customer = unique("c");
        var usage =
                gatewayUsage(
                        request, unique("p"), customer, "gpt-4o-mini", 10, 10, MARKUP_150, null);
        publish(usage);
        publish(usage);
        var marker = unique("marker");
        publish(gatewayUsage(marker, unique("p"), customer, "gpt-4o-mini", 1, 1, null, null));

        // Same key, same partition: once the marker is charged, both copies have been consumed.
        awaitCharged(marker);
        assertThat(LEDGER.receivedFor(request))
                .extracting(Received::commandId)
                .containsExactly("usage-" + request + "-customer");
        assertThat(
                        jdbc.queryForObject(
                                "SELECT count(*) FROM billing.usage_charges"
                                        + " WHERE request_id = ?",
                                Long.class,
                                request))
                .isEqualTo(1);
    }

    @Test
    void a_charge_the_ledger_took_before_a_crash_is_replayed_by_the_ledger_not_taken_again() {
        var request = unique("req");
        var customer = unique("c");
        // As if billing had sent the command and crashed before recording it.
        var status =
                LEDGER.send(
                        "/accounts/customer:" + customer + "/usage",
                        """
                {"commandId":"usage-%s-customer","amountUcr":750,"usageId":"%s",
                 "description":"gpt-4o-mini: 10 tokens in, 10 out"}"""
                                .formatted(request, request));
        assertThat(status).isEqualTo(200);

        publish(gatewayUsage(request, unique("p"), customer, "gpt-4o-mini", 10, 10, null, null));
        awaitCharged(request);

        assertThat(LEDGER.receivedFor(request)).hasSize(2);
        assertThat(LEDGER.effectiveFor(request)).hasSize(1);
        assertThat(chargeOf(request))
                .containsEntry("status", "CHARGED")
                .containsEntry("customer_outcome", "POSTED");
    }

    @Test
    void detailed_usage_lists_a_customers_charges_newest_first() {
        var customer = unique("c");
        var older =
                gatewayUsage(
                        unique("req"),
                        unique("p"),
                        customer,
                        "gpt-4o-mini",
                        1000,
                        500,
                        MARKUP_150,
                        null);
        var newer =
                gatewayUsage(
                        unique("req"), unique("p"), customer, "gpt-4o", 3, 7, MARKUP_150, null);
        publish(withOccurredAt(older, Instant.parse("2026-11-23T10:00:00Z")));
        publish(withOccurredAt(newer, Instant.parse("2026-11-23T11:00:00Z")));
        awaitCharged(newer.requestId());
        awaitCharged(older.requestId());

        var page =
                http.getForObject(
                        "/api/v1/usage?customerId=" + customer + "&size=1",
                        com.fasterxml.jackson.databind.JsonNode.class);

        assertThat(page.get("total").asLong()).isEqualTo(2);
        var item = page.get("items").get(0);
        assertThat(page.get("items")).hasSize(1);
        assertThat(item.get("requestId").asText()).isEqualTo(newer.requestId());
        assertThat(item.get("model").asText()).isEqualTo("gpt-4o");
        assertThat(item.get("tokensIn").asLong()).isEqualTo(3);
        assertThat(item.get("platformCostUcr").asLong()).isEqualTo(7_750);
        assertThat(item.get("customerChargeUcr").asLong()).isEqualTo(11_625);
        assertThat(item.get("status").asText()).isEqualTo("CHARGED");
    }

    @Test
    void a_ledger_refusal_is_recorded_with_its_code_and_the_next_usage_still_flows() {
        var customer = unique("c");
        LEDGER.runOutOfCredits("customer:" + customer);
        var request = unique("req");
        publish(gatewayUsage(request, unique("p"), customer, "gpt-4o-mini", 1000, 0, null, null));
        awaitCharged(request);

        assertThat(chargeOf(request))
                .containsEntry("status", "REFUSED")
                .containsEntry("refusal_code", "INSUFFICIENT_CREDITS")
                .containsEntry("customer_outcome", "INSUFFICIENT_CREDITS");
    }

    @Test
    void usage_of_an_unknown_model_is_recorded_as_not_rated_and_charges_nothing() {
        var request = unique("req");
        publish(
                gatewayUsage(
                        request, unique("p"), unique("c"), "no-such-model", 10, 10, null, null));
        awaitCharged(request);

        assertThat(chargeOf(request))
                .containsEntry("status", "NOT_RATED")
                .containsEntry("refusal_code", "MODEL_NOT_FOUND");
        assertThat(LEDGER.receivedFor(request)).isEmpty();
    }

    private static UsageRecorded withOccurredAt(UsageRecorded u, Instant at) {
        return new UsageRecorded(
                u.eventId(),
                u.requestId(),
                u.source(),
                u.keyId(),
                u.partnerId(),
                u.customerId(),
                u.model(),
                u.tokensIn(),
                u.tokensOut(),
                u.durationMs(),
                u.callSeconds(),
                u.toolCalls(),
                u.costLines(),
                u.customerBilling(),
                u.budgetReservationId(),
                at);
    }

    private AiCreditsConfigured configurePricePerMinute(String customer, Credits price) {
        return configurePricePerMinute(customer, price, 1);
    }

    private AiCreditsConfigured configurePricePerMinute(
            String customer, Credits price, long sequence) {
        var header =
                new EventHeader(
                        UUID.randomUUID().toString(),
                        AccountId.customer(customer),
                        sequence,
                        unique("cmd"),
                        Instant.now(),
                        "prev");
        var event = new AiCreditsConfigured(header, true, price, 300, Credits.ofCredits(100), true);
        publish(
                Topics.LEDGER_EVENTS.name(),
                "customer:" + customer,
                "AiCreditsConfigured",
                ContractJson.toBytes(event));
        return event;
    }

    private Long knownPricePerMinute(String customer) {
        var prices =
                jdbc.queryForList(
                        "SELECT price_per_minute_ucr FROM billing.customer_ai_terms"
                                + " WHERE customer_id = ?",
                        Long.class,
                        customer);
        return prices.isEmpty() ? null : prices.get(0);
    }
}
