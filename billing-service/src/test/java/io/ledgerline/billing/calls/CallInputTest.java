package io.ledgerline.billing.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.billing.security.BillingDoors;
import io.ledgerline.contracts.problem.Refusals;
import io.ledgerline.testsupport.auth.TestTokens;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;

import java.time.Duration;

/** Bad input to the admission API: a stable code each, nothing held or charged. */
class CallInputTest extends CallsTestBase {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown customer|CUSTOMER_NOT_OF_PARTNER",
                "another partner's customer|CUSTOMER_NOT_OF_PARTNER",
                "customer without AI-credit terms|CUSTOMER_TERMS_UNKNOWN",
                "no channel|FIELD_REQUIRED",
                "call id too long|INVALID_ID",
                "negative duration|OUT_OF_RANGE",
                "duration longer than the call ran|OUT_OF_RANGE",
                "cost line in US dollars|INVALID_COST_LINE",
                "cost line without an amount in micro-credits|INVALID_COST_LINE",
                "extend an unknown call|CALL_NOT_FOUND",
                "extend skipping a sequence|CALL_SEQUENCE_GAP",
                "call id reused for another customer|CALL_ID_IN_USE",
                "a token without billing.calls|FORBIDDEN",
            })
    void bad_call_input_is_refused_with_a_stable_code(String what, String code) {
        var customer = customerWith(100 * CREDIT);
        var callId = unique("call");
        start(callId, customer);
        long heldBefore = LEDGER.reserved("customer:" + customer);

        var response =
                switch (what) {
                    case "unknown customer" -> start(unique("call"), unique("nobody"));
                    case "another partner's customer" ->
                            start(unique("call"), customer, unique("p"), "VOICE");
                    case "customer without AI-credit terms" -> {
                        var unconfigured = unique("c");
                        open(unconfigured, PARTNER);
                        yield start(unique("call"), unconfigured);
                    }
                    case "no channel" ->
                            post(
                                    "/api/v1/calls",
                                    "{\"callId\":\"x1\",\"customerId\":\""
                                            + customer
                                            + "\",\"partnerId\":\"p\",\"agentId\":\"a\"}");
                    case "call id too long" -> start("c".repeat(41), customer);
                    case "negative duration" -> end(callId, 1, -1, 0, 0);
                    case "duration longer than the call ran" -> end(callId, 1, 600, 0, 0);
                    case "cost line in US dollars" ->
                            post(
                                    "/api/v1/calls/" + callId + "/end",
                                    "{\"sequence\":1,\"durationSeconds\":10,\"costLines\":"
                                            + "[{\"kind\":\"LLM\",\"amountUcr\":2,"
                                            + "\"unit\":\"USD\"}]}");
                    case "cost line without an amount in micro-credits" ->
                            post(
                                    "/api/v1/calls/" + callId + "/end",
                                    "{\"sequence\":1,\"durationSeconds\":10,\"costLines\":"
                                            + "[{\"kind\":\"TTS\",\"amountUsd\":0.02}]}");
                    case "extend an unknown call" -> extend(unique("call"), 1);
                    case "extend skipping a sequence" -> extend(callId, 2);
                    case "call id reused for another customer" ->
                            start(callId, customerWith(100 * CREDIT));
                    case "a token without billing.calls" ->
                            post(
                                    "/api/v1/calls/" + callId + "/extend",
                                    "{\"sequence\":1}",
                                    TestTokens.bearer(BillingDoors.READ, BillingDoors.USAGE));
                    default -> throw new IllegalArgumentException(what);
                };

        assertThat(response.getStatusCode().value())
                .isEqualTo(Refusals.byName(code).orElseThrow().httpStatus());
        assertThat(response.getHeaders().getContentType())
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(code(response)).isEqualTo(code);
        assertThat(LEDGER.reserved("customer:" + customer)).isEqualTo(heldBefore);
        assertThat(get("/api/v1/conversations/" + callId).getBody().path("status").asText())
                .isEqualTo("ACTIVE");
    }

    @Test
    void conversations_are_listed_per_customer_and_period_newest_first_one_page_at_a_time() {
        var customer = customerWith(1_000 * CREDIT);
        var from = clock.instant().minusSeconds(1);
        var ids = new java.util.ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            var callId = unique("call");
            ids.add(callId);
            start(callId, customer, PARTNER, i == 0 ? "CHAT" : "VOICE");
            clock.advance(Duration.ofSeconds(30));
            end(callId, 1, 30, i, 1_000);
        }
        var to = clock.instant().plusSeconds(1);
        var base = "/api/v1/conversations?customerId=" + customer + "&from=" + from + "&to=" + to;

        var first = get(base + "&page=0&size=2").getBody();
        var second = get(base + "&page=1&size=2").getBody();

        assertThat(first.path("total").asLong()).isEqualTo(3);
        assertThat(first.path("items").get(0).path("callId").asText()).isEqualTo(ids.get(2));
        assertThat(first.path("items").get(1).path("callId").asText()).isEqualTo(ids.get(1));
        assertThat(second.path("items").get(0).path("callId").asText()).isEqualTo(ids.get(0));
        assertThat(second.path("items").get(0).path("channel").asText()).isEqualTo("CHAT");
        var one = get("/api/v1/conversations/" + ids.get(2)).getBody();
        assertThat(one.path("toolCalls").asLong()).isEqualTo(2);
        assertThat(one.path("costLines").get(0).path("kind").asText()).isEqualTo("LLM");
        assertThat(one.path("costLines").get(0).path("amountUcr").asLong()).isEqualTo(1_000);
        // 30 s at 12 cr/min + 2 tool calls + 0.001 cr of LLM.
        assertThat(one.path("chargeCredits").asText()).isEqualTo("6.061000");
        assertThat(get(base + "&page=0&size=201").getStatusCode().value()).isEqualTo(400);
        assertThat(
                        get("/api/v1/conversations?customerId="
                                        + customer
                                        + "&from="
                                        + to
                                        + "&to="
                                        + from)
                                .getStatusCode()
                                .value())
                .isEqualTo(400);
    }
}
