package io.ledgerline.billing.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.billing.support.BillingIntegrationTest;
import io.ledgerline.testsupport.auth.DoorWalk;
import io.ledgerline.testsupport.auth.TestTokens;
import io.ledgerline.websecurity.Doors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Every door of billing is locked, and each caller gets through only its own. */
class BillingDoorsTest extends BillingIntegrationTest {

    @LocalServerPort int port;

    @Autowired Doors doors;

    @Autowired TestRestTemplate http;

    @Test
    void every_endpoint_of_the_openapi_document_refuses_no_forged_foreign_and_narrow_tokens() {
        var walk = new DoorWalk("http://127.0.0.1:" + port, doors, "ledger.read");
        var operations = walk.operations("/v3/api-docs");

        assertThat(operations).hasSizeGreaterThanOrEqualTo(9);
        walk.assertEveryDoorLocked(operations);
    }

    @Test
    void health_is_open_without_a_credential_and_the_other_actuator_endpoints_are_not() {
        assertThat(send(HttpMethod.GET, "/actuator/health", null, null).getStatusCode().value())
                .isEqualTo(200);
        assertThat(send(HttpMethod.GET, "/actuator/info", null, null).getStatusCode().value())
                .isEqualTo(401);
        assertThat(
                        send(
                                        HttpMethod.GET,
                                        "/actuator/info",
                                        TestTokens.bearer(BillingDoors.READ),
                                        null)
                                .getStatusCode()
                                .value())
                .isEqualTo(403);
        assertThat(
                        send(
                                        HttpMethod.GET,
                                        "/actuator/info",
                                        TestTokens.bearer(BillingDoors.OPERATE),
                                        null)
                                .getStatusCode()
                                .value())
                .isEqualTo(200);
    }

    @Test
    void a_reading_token_cannot_report_usage_and_nothing_is_recorded() {
        var session = unique("s");

        var refused =
                send(
                        HttpMethod.POST,
                        "/api/v1/agent-usage",
                        TestTokens.bearer(BillingDoors.READ),
                        session(session));

        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getHeaders().getContentType())
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody()).contains("\"FORBIDDEN\"", BillingDoors.USAGE);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT count(*) FROM billing.agent_sessions WHERE session_id = ?",
                                Long.class,
                                session))
                .isZero();
        assertThat(LEDGER.receivedFor("agent-" + session)).isEmpty();
    }

    @Test
    void an_agent_runtime_reports_usage_and_billing_charges_it_at_the_ledger_as_itself() {
        var session = unique("s");
        var agentRuntime =
                "Bearer "
                        + TestTokens.issue(
                                "agent-runtime", "billing.usage billing.calls billing.read");

        var accepted = send(HttpMethod.POST, "/api/v1/agent-usage", agentRuntime, session(session));

        assertThat(accepted.getStatusCode().value()).isEqualTo(202);
        awaitCharged("agent-" + session);
        assertThat(LEDGER.effectiveFor("agent-" + session)).hasSize(1);
        assertThat(LEDGER.callers()).contains("billing");
    }

    @Test
    void a_reading_token_cannot_buy_or_save_a_card_and_nothing_is_invoiced_or_saved() {
        var account = "partner:" + unique("p");
        var reading = TestTokens.bearer(BillingDoors.READ);

        var card =
                send(
                        HttpMethod.POST,
                        "/api/v1/accounts/" + account + "/payment-methods",
                        reading,
                        "{\"card\":{\"number\":\"4242424242424242\",\"expMonth\":1,\"expYear\":2099}}");
        var quickBuy =
                send(
                        HttpMethod.POST,
                        "/api/v1/accounts/" + account + "/quick-buy",
                        reading,
                        "{\"purchaseId\":\"qb-1\",\"amountUsdCents\":100}");

        assertThat(card.getStatusCode().value()).isEqualTo(403);
        assertThat(card.getBody()).contains(BillingDoors.PURCHASES);
        assertThat(quickBuy.getStatusCode().value()).isEqualTo(403);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT count(*) FROM billing.payment_methods WHERE owner = ?",
                                Long.class,
                                account))
                .isZero();
        assertThat(
                        jdbc.queryForObject(
                                "SELECT count(*) FROM billing.invoices WHERE owner = ?",
                                Long.class,
                                account))
                .isZero();
    }

    @Test
    void the_payment_webhook_takes_no_token_and_refuses_an_unsigned_delivery() {
        var unsigned = send(HttpMethod.POST, BillingDoors.PAYMENT_WEBHOOK, null, "{}");

        assertThat(unsigned.getStatusCode().value()).isEqualTo(400);
        assertThat(unsigned.getBody()).contains("WEBHOOK_SIGNATURE_INVALID");
    }

    private static String session(String sessionId) {
        return """
                {"sessionId":"%s","kind":"CHAT","customerId":"%s","partnerId":"p1",
                 "toolCalls":1}"""
                .formatted(sessionId, unique("c"));
    }

    private ResponseEntity<String> send(
            HttpMethod method, String path, String authorization, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (authorization == null) {
            // The test client adds a full token to requests without one; this one must go bare.
            return new TestRestTemplate()
                    .exchange(
                            "http://127.0.0.1:" + port + path,
                            method,
                            new HttpEntity<>(body, headers),
                            String.class);
        }
        headers.set(HttpHeaders.AUTHORIZATION, authorization);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
