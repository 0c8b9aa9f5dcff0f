package io.ledgerline.ledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.ledger.api.LedgerApiClient;
import io.ledgerline.testsupport.LedgerlineIntegrationTest;
import io.ledgerline.testsupport.auth.DoorWalk;
import io.ledgerline.testsupport.auth.TestTokens;
import io.ledgerline.websecurity.Doors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Arrays;
import java.util.Map;

/** Every door of the ledger is locked, and each caller gets through only its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
class LedgerDoorsTest {

    @LocalServerPort int port;

    @Autowired Doors doors;

    @Autowired TestRestTemplate http;

    @Autowired JdbcTemplate jdbc;

    @Test
    void every_endpoint_of_the_openapi_document_refuses_no_forged_foreign_and_narrow_tokens() {
        var walk = new DoorWalk("http://127.0.0.1:" + port, doors, "billing.read");
        var operations = walk.operations("/v3/api-docs");

        assertThat(operations).hasSizeGreaterThan(10);
        walk.assertEveryDoorLocked(operations);
    }

    @Test
    void health_is_open_without_a_credential_and_the_other_actuator_endpoints_are_not() {
        assertThat(send(HttpMethod.GET, "/actuator/health", null, null).getStatusCode().value())
                .isEqualTo(200);
        assertThat(send(HttpMethod.GET, "/actuator/metrics", null, null).getStatusCode().value())
                .isEqualTo(401);
        assertThat(
                        send(
                                        HttpMethod.GET,
                                        "/actuator/metrics",
                                        TestTokens.bearer("ledger.read"),
                                        null)
                                .getStatusCode()
                                .value())
                .isEqualTo(403);
    }

    @Test
    void the_gateway_may_reserve_but_not_add_credits_and_nothing_is_appended() {
        var api = new LedgerApiClient(http);
        var partner = "partner:" + api.openFundedPartner(5_000_000);
        var before = eventsOf(partner);
        var gateway = TestTokens.bearer("ledger.read", "ledger.reserve");

        var refused =
                send(
                        HttpMethod.POST,
                        "/api/v1/accounts/" + partner + "/credits",
                        gateway,
                        "{\"commandId\":\"mint-1\",\"amountUcr\":1000000,\"note\":\"free money\"}");

        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody()).contains("\"FORBIDDEN\"", "ledger.credits");
        assertThat(eventsOf(partner)).isEqualTo(before);
    }

    @Test
    void no_caller_mints_credits_through_a_quick_buy_of_the_ledger_only_billing_sells_them() {
        var api = new LedgerApiClient(http);
        var partner = "partner:" + api.openFundedPartner(5_000_000);
        var before = eventsOf(partner);
        var path = "/api/v1/accounts/" + partner + "/quick-buy";
        var body = "{\"commandId\":\"qb-1\",\"amountUsdCents\":100000}";
        var portal = TestTokens.bearer("ledger.read", "ledger.accounts", "ledger.credits");
        var gateway = TestTokens.bearer("ledger.read", "ledger.reserve");

        var bare = send(HttpMethod.POST, path, null, body);
        var fromPortal = send(HttpMethod.POST, path, portal, body);
        var fromGateway = send(HttpMethod.POST, path, gateway, body);

        assertThat(bare.getStatusCode().value()).isEqualTo(401);
        // Billing's Quick Buy is the paid path; the ledger has none to open with any scope.
        assertThat(fromPortal.getStatusCode().value()).isEqualTo(404);
        assertThat(fromGateway.getStatusCode().value()).isEqualTo(404);
        assertThat(eventsOf(partner)).isEqualTo(before);
        assertThat(http.getForObject("/v3/api-docs", String.class)).doesNotContain("quick-buy");
    }

    @Test
    void a_batch_is_checked_command_by_command_billing_may_meter_but_not_add_credits() {
        var api = new LedgerApiClient(http);
        var partner = "partner:" + api.openFundedPartner(5_000_000);
        var before = eventsOf(partner);
        var billing = TestTokens.bearer("ledger.read", "ledger.meter");

        var refused =
                send(
                        HttpMethod.POST,
                        "/api/v1/batches",
                        billing,
                        "{\"commands\":[{\"type\":\"AddCredits\",\"commandId\":\"mint-2\","
                                + "\"accountId\":\""
                                + partner
                                + "\",\"amountUcr\":1000000,\"note\":\"free money\"}]}");

        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody()).contains("\"FORBIDDEN\"", "commands.0.type");
        assertThat(eventsOf(partner)).isEqualTo(before);
    }

    @Test
    void every_kind_of_command_has_its_scopes_declared() {
        assertThat(Arrays.stream(LedgerCommand.class.getPermittedSubclasses()))
                .allSatisfy(
                        type ->
                                assertThat(CommandScopes.declaredFor(type))
                                        .as(type.getSimpleName())
                                        .isNotEmpty());
    }

    private long eventsOf(String accountId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM ledger.domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                accountId);
    }

    private org.springframework.http.ResponseEntity<String> send(
            HttpMethod method, String path, String authorization, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        } else {
            // The test client adds a full token to requests without one; this one must go bare.
            return new TestRestTemplate()
                    .exchange(
                            "http://127.0.0.1:" + port + path,
                            method,
                            new HttpEntity<>(body, headers),
                            String.class);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class, Map.of());
    }
}
