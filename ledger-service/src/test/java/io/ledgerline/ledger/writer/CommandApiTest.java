package io.ledgerline.ledger.writer;

import static io.ledgerline.ledger.api.LedgerApiClient.newId;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.ledger.api.LedgerApiClient;
import io.ledgerline.testsupport.LedgerlineIntegrationTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
class CommandApiTest {

    @Autowired TestRestTemplate http;

    @Autowired JdbcTemplate jdbc;

    LedgerApiClient api;

    @BeforeEach
    void setUp() {
        api = new LedgerApiClient(http);
    }

    long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM ledger.domain_event_entry", Long.class);
    }

    @Test
    void same_command_id_twice_appends_one_event_and_answers_the_same() {
        var partner = newId("p");
        api.openPartner(partner);
        var body =
                Map.of("commandId", newId("topup"), "amountUcr", 5_000_000L, "note", "Quick Buy");
        var before = eventCount();

        var first = api.post("/accounts/partner:" + partner + "/credits", body);
        var second = api.post("/accounts/partner:" + partner + "/credits", body);

        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(second.getStatusCode().value()).isEqualTo(200);
        assertThat(second.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void same_command_id_with_another_amount_is_a_conflict_and_appends_nothing() {
        var partner = newId("p");
        api.openPartner(partner);
        var commandId = newId("topup");
        api.post(
                "/accounts/partner:" + partner + "/credits",
                Map.of("commandId", commandId, "amountUcr", 5_000_000L, "note", "first"));
        var before = eventCount();

        var conflict =
                api.post(
                        "/accounts/partner:" + partner + "/credits",
                        Map.of("commandId", commandId, "amountUcr", 7_000_000L, "note", "first"));

        assertThat(conflict.getStatusCode().value()).isEqualTo(409);
        assertThat(conflict.getHeaders().getContentType().toString())
                .contains("application/problem+json");
        assertThat(conflict.getBody()).containsEntry("code", "EXISTS_WITH_DIFFERENT_PAYLOAD");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_batch_answers_each_command_in_order_and_a_malformed_batch_appends_nothing() {
        var partner = newId("p");
        api.openPartner(partner);
        var account = "partner:" + partner;
        var batch =
                Map.of(
                        "commands",
                        java.util.List.of(
                                Map.of(
                                        "type",
                                        "AddCredits",
                                        "commandId",
                                        newId("b"),
                                        "accountId",
                                        account,
                                        "amountUcr",
                                        3_000_000,
                                        "note",
                                        "batch"),
                                Map.of(
                                        "type",
                                        "DeductCredits",
                                        "commandId",
                                        newId("b"),
                                        "accountId",
                                        account,
                                        "amountUcr",
                                        5_000_000,
                                        "reason",
                                        "too much"),
                                Map.of(
                                        "type",
                                        "DeductCredits",
                                        "commandId",
                                        newId("b"),
                                        "accountId",
                                        account,
                                        "amountUcr",
                                        1_000_000,
                                        "reason",
                                        "fine")));

        var response = api.post("/batches", batch);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        var results = (java.util.List<Map<String, Object>>) response.getBody().get("results");
        assertThat(results)
                .extracting(r -> r.get("outcome"))
                .containsExactly("POSTED", "REFUSED", "POSTED");
        assertThat(results.get(1)).containsEntry("rejection", "INSUFFICIENT_CREDITS");

        var before = eventCount();
        var malformed =
                api.post(
                        "/batches",
                        Map.of(
                                "commands",
                                java.util.List.of(
                                        Map.of(
                                                "type",
                                                "AddCredits",
                                                "commandId",
                                                newId("b"),
                                                "accountId",
                                                account,
                                                "amountUcr",
                                                1,
                                                "note",
                                                "ok"),
                                        Map.of("type", "Teleport", "commandId", newId("b")))));
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(malformed.getBody()).containsEntry("code", "INVALID_PARAMETER");
        assertThat(malformed.getBody()).containsEntry("field", "commands.1.type");
        assertThat(eventCount()).isEqualTo(before);
    }
}
