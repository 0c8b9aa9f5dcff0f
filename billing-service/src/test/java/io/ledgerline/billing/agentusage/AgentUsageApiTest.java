package io.ledgerline.billing.agentusage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.ledgerline.billing.support.BillingIntegrationTest;
import io.ledgerline.billing.support.FakeLedger.Received;
import io.ledgerline.contracts.problem.Refusals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code POST /api/v1/agent-usage}: authenticated, validated, idempotent on the session id. */
class AgentUsageApiTest extends BillingIntegrationTest {

    @Autowired TestRestTemplate http;

    @LocalServerPort int port;

    @Test
    void R14_an_agent_session_reported_twice_is_accepted_twice_and_charged_once() {
        var session = unique("s");
        var customer = unique("c");
        var body = session(session, customer, 60, 2, 1_000_000);

        var first = post(body);
        var again = post(body);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        var requestId = first.getBody().get("requestId").asText();
        assertThat(again.getBody().get("requestId").asText()).isEqualTo(requestId);
        awaitCharged(requestId);
        // No price per minute configured for this customer: minutes are free, as documented;
        // 2 tool calls at 0.03 cr plus 1 cr of LLM cost at cost.
        assertThat(LEDGER.effectiveFor(requestId))
                .singleElement()
                .satisfies(
                        command -> {
                            assertThat(command.accountId()).isEqualTo("customer:" + customer);
                            assertThat(command.amountUcr()).isEqualTo(1_060_000);
                        });
        assertThat(LEDGER.receivedFor(requestId)).extracting(Received::commandId).hasSize(1);
    }

    @Test
    void the_same_session_id_with_other_figures_is_a_conflict() {
        var session = unique("s");
        var customer = unique("c");
        assertThat(post(session(session, customer, 60, 0, 0)).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);

        var conflict = post(session(session, customer, 61, 0, 0));

        assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(conflict.getBody().get("code").asText())
                .isEqualTo("EXISTS_WITH_DIFFERENT_PAYLOAD");
    }

    @ParameterizedTest(name = "authorization \"{0}\", body {1} -> 401")
    @CsvSource({"'', valid", "Bearer not-a-jwt, valid", "Bearer not-a-jwt, malformed"})
    void agent_usage_without_a_valid_token_is_refused(String authorization, String body) {
        var json = body.equals("valid") ? session(unique("s"), "c1", 1, 0, 0) : "{not json";
        var response = postAs(authorization, json);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType())
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"sessionId\":\"s-neg\",\"kind\":\"CALL\",\"customerId\":\"c1\",\"partnerId\":\"p1\","
                        + "\"callSeconds\":-1}|OUT_OF_RANGE",
                "{\"sessionId\":\"s-long\",\"kind\":\"CALL\",\"customerId\":\"c1\","
                        + "\"partnerId\":\"p1\",\"callSeconds\":86401}|OUT_OF_RANGE",
                "{\"sessionId\":\"bad id!\",\"kind\":\"CALL\",\"customerId\":\"c1\","
                        + "\"partnerId\":\"p1\"}|INVALID_ID",
                "{\"sessionId\":\"s-nocust\",\"kind\":\"CALL\",\"partnerId\":\"p1\"}"
                        + "|INVALID_ID",
                "{\"sessionId\":\"s-nokind\",\"customerId\":\"c1\",\"partnerId\":\"p1\"}|FIELD_REQUIRED",
                "{\"sessionId\":\"s-kind\",\"kind\":\"VIDEO\",\"customerId\":\"c1\","
                        + "\"partnerId\":\"p1\"}|MALFORMED_JSON",
                "{\"sessionId\":\"s-tools\",\"kind\":\"CHAT\",\"customerId\":\"c1\","
                        + "\"partnerId\":\"p1\",\"toolCalls\":-3}|OUT_OF_RANGE",
                "{\"sessionId\":\"s-line\",\"kind\":\"CHAT\",\"customerId\":\"c1\","
                        + "\"partnerId\":\"p1\",\"costLines\":[{\"kind\":\"LLM\","
                        + "\"amountUcr\":-5}]}|INVALID_COST_LINE",
                "{not json|MALFORMED_JSON",
            })
    void bad_agent_usage_is_refused_with_a_problem_and_records_nothing(String body, String code) {
        var response = post(body);

        assertThat(response.getStatusCode().value()).isEqualTo(statusOf(code));
        assertThat(response.getHeaders().getContentType())
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("code").asText()).isEqualTo(code);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT count(*) FROM billing.agent_sessions WHERE"
                                        + " session_id IN ('s-neg', 's-long', 's-nocust', 's-nokind', 's-kind',"
                                        + " 's-tools', 's-line')",
                                Long.class))
                .isZero();
    }

    /** As an agent runtime with every billing scope. */
    private ResponseEntity<JsonNode> post(String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(
                "/api/v1/agent-usage", new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** With this {@code Authorization} header, or none at all when it is empty. */
    private ResponseEntity<JsonNode> postAs(String authorization, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (authorization.isEmpty()) {
            // The autowired client adds a full token to a request without one; this one goes bare.
            return new TestRestTemplate()
                    .postForEntity(
                            "http://127.0.0.1:" + port + "/api/v1/agent-usage",
                            new HttpEntity<>(body, headers),
                            JsonNode.class);
        }
        headers.set(HttpHeaders.AUTHORIZATION, authorization);
        return http.postForEntity(
                "/api/v1/agent-usage", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static String session(
            String sessionId, String customerId, long callSeconds, long toolCalls, long llmUcr) {
        return """
                {"sessionId":"%s","kind":"CALL","customerId":"%s","partnerId":"p1",
                 "callSeconds":%d,"toolCalls":%d,
                 "costLines":[{"kind":"LLM","amountUcr":%d}]}"""
                .formatted(sessionId, customerId, callSeconds, toolCalls, llmUcr);
    }

    private static int statusOf(String code) {
        return Refusals.byName(code).orElseThrow().httpStatus();
    }
}
