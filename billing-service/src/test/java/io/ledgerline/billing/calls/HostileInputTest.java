package io.ledgerline.billing.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.ledgerline.contracts.problem.Refusals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Generated hostile values through every text, id and number field of billing's JSON API: each
 * answer is accepted (a hostile value can be a valid id) or a 4xx problem with a known code, never
 * a 5xx. The values come from jqwik's generators; the requests run against the real Spring context.
 */
class HostileInputTest extends CallsTestBase {

    private static final int VALUES_PER_FIELD = 60;

    @Test
    void hostile_values_in_any_field_are_a_4xx_problem_or_accepted_never_a_5xx() {
        var customer = customerWith(100 * CREDIT);
        var callId = unique("call");
        start(callId, customer);
        var failures = new ArrayList<String>();

        for (var target : targets(customer, callId)) {
            for (var value : samples()) {
                var response = target.send().apply(value);
                check(target.name(), value, response, failures);
            }
        }

        assertThat(failures).isEmpty();
    }

    private record Target(String name, Function<String, ResponseEntity<JsonNode>> send) {}

    private List<Target> targets(String customer, String callId) {
        return List.of(
                new Target("calls.callId", v -> post("/api/v1/calls", startBody(v, customer))),
                new Target(
                        "calls.customerId", v -> post("/api/v1/calls", startBody(unique("h"), v))),
                new Target(
                        "calls.channel",
                        v ->
                                post(
                                        "/api/v1/calls",
                                        "{\"callId\":\"h1\",\"customerId\":\""
                                                + customer
                                                + "\",\"partnerId\":\"p\",\"agentId\":\"a\","
                                                + "\"channel\":"
                                                + v
                                                + "}")),
                new Target(
                        "extend.sequence",
                        v ->
                                post(
                                        "/api/v1/calls/" + callId + "/extend",
                                        "{\"sequence\":" + v + "}")),
                new Target(
                        "end.durationSeconds",
                        v ->
                                post(
                                        "/api/v1/calls/" + unique("none") + "/end",
                                        "{\"sequence\":1,\"durationSeconds\":" + v + "}")),
                new Target(
                        "agentUsage.sessionId",
                        v ->
                                post(
                                        "/api/v1/agent-usage",
                                        "{\"sessionId\":"
                                                + v
                                                + ",\"kind\":\"CHAT\",\"customerId\":\"zz\","
                                                + "\"partnerId\":\"p\"}")),
                new Target(
                        "preview.model",
                        v -> post("/api/v1/billing-preview", "{\"model\":" + v + "}")),
                new Target(
                        "preview.tokensIn",
                        v ->
                                post(
                                        "/api/v1/billing-preview",
                                        "{\"model\":\"gpt-4o\",\"tokensIn\":" + v + "}")));
    }

    private static String startBody(String callIdJson, String customerId) {
        var customer = customerId.startsWith("\"") ? customerId : json(customerId);
        var call = callIdJson.startsWith("\"") ? callIdJson : json(callIdJson);
        return "{\"callId\":"
                + call
                + ",\"customerId\":"
                + customer
                + ",\"partnerId\":\"p\",\"agentId\":\"a\",\"channel\":\"VOICE\"}";
    }

    /** JSON fragments: hostile strings (quoted), huge and odd numbers, wrong types, garbage. */
    private static List<String> samples() {
        Arbitrary<String> texts =
                Arbitraries.oneOf(
                        Arbitraries.strings().all().ofMaxLength(40),
                        Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(8),
                        Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMaxLength(4),
                        Arbitraries.of(
                                "'; DROP TABLE billing.calls; --",
                                "../../etc/passwd",
                                "\u202Eevil",
                                "a".repeat(100_000)));
        Arbitrary<String> others =
                Arbitraries.of(
                        "9223372036854775807",
                        "-9223372036854775808",
                        "92233720368547758070",
                        "1.5",
                        "-1",
                        "1e308",
                        "null",
                        "true",
                        "[]",
                        "{}",
                        "\"1\"",
                        "1} {\"x\":1",
                        "\"a\"}trailing");
        var values = new ArrayList<String>();
        texts.sampleStream().limit(VALUES_PER_FIELD).forEach(text -> values.add(json(text)));
        others.sampleStream().limit(VALUES_PER_FIELD / 3).forEach(values::add);
        return values;
    }

    private static String json(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void check(
            String target, String value, ResponseEntity<JsonNode> response, List<String> failures) {
        int status = response.getStatusCode().value();
        if (status < 400) {
            return;
        }
        var code = code(response);
        boolean known = code != null && Refusals.byName(code).isPresent();
        if (status >= 500 || !known) {
            var shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
            failures.add(target + " = " + shown + " -> " + status + " " + code);
        }
    }
}
