package io.ledgerline.billing.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.ledgerline.billing.support.CommerceTestBase;
import io.ledgerline.billing.support.TestClock;
import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.event.AiCreditsConfigured;
import io.ledgerline.contracts.ledger.event.EventHeader;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.topics.Topics;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** R19 over HTTP: meters fed by call admission and agent usage, limits from the plan. */
class EntitlementsTest extends CommerceTestBase {

    static final long PRICE_PER_MINUTE = 12 * CREDIT;

    @Autowired TestClock clock;

    @Test
    void R19_a_limit_blocks_only_the_resource_it_covers() {
        var partner = unique("p");
        var customer = callingCustomerOf(partner);
        subscribe(customer, plan(partner, "{\"maxVoiceMinutes\":1,\"maxSeats\":3}"), "ACTIVE");

        assertThat(start(customer, "VOICE", null).getStatusCode().value()).isEqualTo(200);
        assertThat(end(customer, 45).getStatusCode().value()).isEqualTo(200);

        var voice = check(customer, "VOICE_CALL", 1, null);
        assertThat(voice.getStatusCode().value()).isEqualTo(403);
        assertThat(code(voice)).isEqualTo("ENTITLEMENT_EXCEEDED");
        assertThat(voice.getBody().path("field").asText()).isEqualTo("maxVoiceMinutes");
        assertThat(check(customer, "CHAT_MESSAGE", 50, null).getStatusCode().value())
                .isEqualTo(200);
        assertThat(check(customer, "WHATSAPP_MESSAGE", 1, null).getStatusCode().value())
                .isEqualTo(200);
        assertThat(check(customer, "SEAT", 3, null).getStatusCode().value()).isEqualTo(200);
        var seats = check(customer, "SEAT", 4, null);
        assertThat(code(seats)).isEqualTo("ENTITLEMENT_EXCEEDED");
        assertThat(seats.getBody().path("field").asText()).isEqualTo("maxSeats");

        var view = meters(customer);
        assertThat(meter(view, "VOICE_CALL").path("used").asLong()).isEqualTo(1);
        assertThat(meter(view, "VOICE_CALL").path("blocked").asBoolean()).isTrue();
        assertThat(meter(view, "AGENT").path("used").asLong()).isEqualTo(1);
        assertThat(meter(view, "CHAT_MESSAGE").path("blocked").asBoolean()).isFalse();
        assertThat(meter(view, "CHAT_MESSAGE").path("limit").isNull()).isTrue();
        assertThat(start(customer, "CHAT", null).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void R19_call_admission_refused_by_an_exhausted_voice_minute_allowance_holds_nothing() {
        var partner = unique("p");
        var customer = callingCustomerOf(partner);
        subscribe(customer, plan(partner, "{\"maxVoiceMinutes\":1}"), "ACTIVE");
        start(customer, "VOICE", null);
        end(customer, 30);
        long reservationsBefore = LEDGER.openReservations("customer:" + customer);

        var callId = unique("call");
        var refused = start(callId, customer, "VOICE", null);

        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(code(refused)).isEqualTo("ENTITLEMENT_EXCEEDED");
        assertThat(refused.getBody().path("field").asText()).isEqualTo("maxVoiceMinutes");
        assertThat(LEDGER.openReservations("customer:" + customer)).isEqualTo(reservationsBefore);
        assertThat(LEDGER.reserved("customer:" + customer)).isZero();
        assertThat(LEDGER.effectiveForCall(callId)).isEmpty();
        assertThat(jdbc.queryForList("SELECT 1 FROM billing.calls WHERE call_id = ?", callId))
                .isEmpty();
    }

    @Test
    void R19_previews_and_tests_are_metered_apart_and_never_consume_production_allowances() {
        var partner = unique("p");
        var customer = callingCustomerOf(partner);
        subscribe(customer, plan(partner, "{\"maxVoiceMinutes\":1,\"maxTestRuns\":2}"), "ACTIVE");

        assertThat(start(customer, "VOICE", "PREVIEW").getStatusCode().value()).isEqualTo(200);
        end(customer, 50);
        assertThat(start(customer, "WHATSAPP", "TEST").getStatusCode().value()).isEqualTo(200);
        end(customer, 10);

        var view = meters(customer);
        assertThat(meter(view, "VOICE_CALL").path("used").asLong()).isZero();
        assertThat(meter(view, "WHATSAPP_MESSAGE").path("used").asLong()).isZero();
        assertThat(meter(view, "AGENT").path("used").asLong()).isZero();
        assertThat(meter(view, "TEST_RUN").path("used").asLong()).isEqualTo(2);
        assertThat(view.path("previews").path("VOICE_CALL").asLong()).isEqualTo(1);
        assertThat(view.path("previews").path("WHATSAPP_MESSAGE").asLong()).isEqualTo(1);
        assertThat(check(customer, "VOICE_CALL", 1, null).getStatusCode().value()).isEqualTo(200);
        var third = start(customer, "VOICE", "PREVIEW");
        assertThat(code(third)).isEqualTo("ENTITLEMENT_EXCEEDED");
        assertThat(third.getBody().path("field").asText()).isEqualTo("maxTestRuns");
    }

    @Test
    void R19_a_past_due_subscription_blocks_paid_resources_but_not_previews() {
        var partner = unique("p");
        var customer = callingCustomerOf(partner);
        subscribe(customer, plan(partner, "{\"maxSeats\":10}"), "PAST_DUE");

        for (var resource : new String[] {"VOICE_CALL", "CHAT_MESSAGE", "AGENT", "SEAT"}) {
            var refused = check(customer, resource, 1, null);
            assertThat(refused.getStatusCode().value()).as(resource).isEqualTo(402);
            assertThat(code(refused)).as(resource).isEqualTo("PAYMENT_REQUIRED");
        }
        var callId = unique("call");
        assertThat(code(start(callId, customer, "VOICE", null))).isEqualTo("PAYMENT_REQUIRED");
        assertThat(LEDGER.effectiveForCall(callId)).isEmpty();
        assertThat(LEDGER.reserved("customer:" + customer)).isZero();

        assertThat(check(customer, "VOICE_CALL", 1, "PREVIEW").getStatusCode().value())
                .isEqualTo(200);
        assertThat(check(customer, "TEST_RUN", 1, null).getStatusCode().value()).isEqualTo(200);
        assertThat(start(customer, "VOICE", "PREVIEW").getStatusCode().value()).isEqualTo(200);
        var view = meters(customer);
        assertThat(view.path("paymentRequired").asBoolean()).isTrue();
        assertThat(meter(view, "VOICE_CALL").path("blocked").asBoolean()).isTrue();
        assertThat(meter(view, "TEST_RUN").path("blocked").asBoolean()).isFalse();
    }

    @Test
    void R19_without_a_subscription_only_ai_credits_limit_and_agent_usage_feeds_the_meters() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var reported =
                send(
                        HttpMethod.POST,
                        "/api/v1/agent-usage",
                        """
                        {"sessionId":"%s","kind":"CALL","customerId":"%s","partnerId":"%s",
                         "callSeconds":61}"""
                                .formatted(unique("s"), customer, partner));
        assertThat(reported.getStatusCode().value()).isEqualTo(202);

        var view = meters(customer);
        assertThat(meter(view, "VOICE_CALL").path("used").asLong()).isEqualTo(2);
        assertThat(meter(view, "VOICE_CALL").path("limit").isNull()).isTrue();
        assertThat(check(customer, "VOICE_CALL", 100_000, null).getStatusCode().value())
                .isEqualTo(200);
        assertThat(code(check("nobody-" + unique("c"), "SEAT", 1, null)))
                .isEqualTo("CUSTOMER_UNKNOWN");
        assertThat(code(check(customer, "SEAT", 0, null))).isEqualTo("OUT_OF_RANGE");
    }

    @Test
    void R19_a_plan_keeps_its_limits_and_refuses_a_negative_one() {
        var partner = unique("p");
        var refused =
                send(
                        HttpMethod.POST,
                        "/api/v1/partners/" + partner + "/credit-plans",
                        """
                        {"name":"Bad","priceUsdCents":900,"aiCreditsUcr":%d,
                         "limits":{"maxVoiceMinutes":-1}}"""
                                .formatted(CREDIT));
        assertThat(code(refused)).isEqualTo("OUT_OF_RANGE");
        assertThat(refused.getBody().path("field").asText()).isEqualTo("limits.maxVoiceMinutes");

        plan(partner, "{\"maxAgents\":2}");
        var plans = send(HttpMethod.GET, "/api/v1/partners/" + partner + "/credit-plans", null);
        var limits = plans.getBody().get(0).path("limits");
        assertThat(limits.path("maxAgents").asLong()).isEqualTo(2);
        assertThat(limits.path("maxVoiceMinutes").isNull()).isTrue();
    }

    private String lastCall;

    private String callingCustomerOf(String partner) {
        var customer = customerOf(partner);
        var header =
                new EventHeader(
                        UUID.randomUUID().toString(),
                        AccountId.customer(customer),
                        1,
                        unique("cmd"),
                        Instant.now(),
                        "prev");
        var event =
                new AiCreditsConfigured(
                        header,
                        true,
                        Credits.ofMicros(PRICE_PER_MINUTE),
                        30,
                        Credits.ofCredits(100),
                        true);
        publish(
                Topics.LEDGER_EVENTS.name(),
                "customer:" + customer,
                "AiCreditsConfigured",
                ContractJson.toBytes(event));
        eventually()
                .until(
                        () ->
                                !jdbc.queryForList(
                                                "SELECT 1 FROM billing.customer_ai_terms"
                                                        + " WHERE customer_id = ?",
                                                customer)
                                        .isEmpty());
        LEDGER.fund("customer:" + customer, 1_000 * CREDIT, 6 * CREDIT);
        return customer;
    }

    private String plan(String partner, String limits) {
        var created =
                send(
                        HttpMethod.POST,
                        "/api/v1/partners/" + partner + "/credit-plans",
                        """
                        {"name":"Limited","priceUsdCents":900,"aiCreditsUcr":%d,
                         "interval":"MONTH","limits":%s}"""
                                .formatted(100 * CREDIT, limits));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return created.getBody().path("planId").asText();
    }

    /** A subscription in its current period, as renewals leave it; its status as given. */
    private void subscribe(String customer, String planId, String status) {
        var now = clock.instant();
        jdbc.update(
                "INSERT INTO billing.subscriptions (subscription_id, owner, plan_id, plan_name,"
                        + " price_usd_cents, allocation_ucr, billing_interval, status, period_no,"
                        + " current_period_start, current_period_end, created_at) VALUES (?, ?, ?,"
                        + " 'Limited', 900, ?, 'MONTH', ?, 1, ?, ?, ?)",
                unique("sub"),
                "customer:" + customer,
                planId,
                100 * CREDIT,
                status,
                Timestamp.from(now.minus(Duration.ofDays(1))),
                Timestamp.from(now.plus(Duration.ofDays(29))),
                Timestamp.from(now));
    }

    private ResponseEntity<JsonNode> start(String customer, String channel, String environment) {
        lastCall = unique("call");
        return start(lastCall, customer, channel, environment);
    }

    private ResponseEntity<JsonNode> start(
            String callId, String customer, String channel, String environment) {
        var partner =
                jdbc.queryForObject(
                        "SELECT partner_id FROM billing.customer_partners WHERE customer_id = ?",
                        String.class,
                        customer);
        var env = environment == null ? "" : ",\"environment\":\"" + environment + "\"";
        return send(
                HttpMethod.POST,
                "/api/v1/calls",
                """
                {"callId":"%s","customerId":"%s","partnerId":"%s","agentId":"agent-1",
                 "channel":"%s"%s}"""
                        .formatted(callId, customer, partner, channel, env));
    }

    private ResponseEntity<JsonNode> end(String customer, long seconds) {
        return send(
                HttpMethod.POST,
                "/api/v1/calls/" + lastCall + "/end",
                "{\"sequence\":0,\"durationSeconds\":" + seconds + "}");
    }

    private ResponseEntity<JsonNode> check(
            String customer, String resource, long quantity, String environment) {
        var env = environment == null ? "" : ",\"environment\":\"" + environment + "\"";
        return send(
                HttpMethod.POST,
                "/api/v1/workspaces/" + customer + "/entitlements/check",
                "{\"resource\":\"%s\",\"quantity\":%d%s}".formatted(resource, quantity, env));
    }

    private JsonNode meters(String customer) {
        var view = send(HttpMethod.GET, "/api/v1/workspaces/" + customer + "/entitlements", null);
        assertThat(view.getStatusCode().value()).isEqualTo(200);
        return view.getBody();
    }

    private static JsonNode meter(JsonNode view, String resource) {
        for (var meter : view.path("meters")) {
            if (meter.path("resource").asText().equals(resource)) {
                return meter;
            }
        }
        throw new AssertionError("no meter " + resource + " in " + view);
    }
}
