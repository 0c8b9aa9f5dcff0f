package io.ledgerline.ledger.api;

import static io.ledgerline.ledger.api.LedgerApiClient.newId;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.ledger.history.LedgerScenario;
import io.ledgerline.testsupport.LedgerlineIntegrationTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

/** The cases of the hostile-input bug report, one test each, named after the case. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
class HardeningRegressionTest {

    @Autowired TestRestTemplate http;

    @Autowired JdbcTemplate jdbc;

    LedgerApiClient api;
    String partner;

    @BeforeEach
    void setUp() {
        api = new LedgerApiClient(http);
        partner = "partner:" + api.openFundedPartner(10_000_000_000L);
    }

    @Test
    void case1_one_NUL_character_in_a_note_is_refused_and_stored_texts_are_NFC() {
        var nul = raw(partner + "/credits", body("\"amountUcr\":1,\"note\":\"a\\u0000b\""));
        assertProblem(nul, 400, "INVALID_TEXT").containsEntry("field", "note");

        var control =
                api.post(
                        "/accounts/" + partner + "/reservations",
                        Map.of(
                                "commandId",
                                newId("r"),
                                "reservationId",
                                newId("res"),
                                "amountUcr",
                                1,
                                "timeoutSeconds",
                                60,
                                "purpose",
                                "tab\there"));
        assertProblem(control, 400, "INVALID_TEXT").containsEntry("field", "purpose");
        var overlong = api.add(partner, 1, "x".repeat(501));
        assertProblem(overlong, 400, "INVALID_TEXT").containsEntry("field", "note");
        var bidi = api.deduct(partner, 1, "refund \u202Egnp.exe");
        assertProblem(bidi, 400, "INVALID_TEXT").containsEntry("field", "reason");

        LedgerApiClient.expectOk(api.add(partner, 1, "cafe\u0301"));
        LedgerScenario.awaitReadSideCaughtUp(jdbc);
        var history = api.get("/accounts/" + partner + "/history?size=1");
        @SuppressWarnings("unchecked")
        var rows = (List<Map<String, Object>>) history.getBody().get("rows");
        assertThat(rows.get(0)).containsEntry("note", "caf\u00e9");
    }

    @Test
    void case2_strict_json_refuses_trailing_content_duplicates_coerced_amounts_unknown_fields() {
        var path = partner + "/credits";
        for (var bad :
                List.of(
                        body("\"amountUcr\":1,\"note\":\"n\"") + " {}",
                        body("\"amountUcr\":1,\"amountUcr\":2,\"note\":\"n\""),
                        body("\"amountUcr\":\"1\",\"note\":\"n\""),
                        body("\"amountUcr\":1.5,\"note\":\"n\""),
                        body("\"amountUcr\":1,\"note\":\"n\",\"extra\":true"))) {
            assertProblem(raw(path, bad), 400, "MALFORMED_JSON");
        }
        var lone = raw(path, body("\"amountUcr\":1,\"note\":\"\\ud800\""));
        assertProblem(lone, 400, "INVALID_TEXT").containsEntry("field", "note");
    }

    @Test
    void case3_far_instants_and_overflowing_numbers_are_4xx_never_5xx() {
        for (var asOf : List.of("+1000000000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z")) {
            var response =
                    http.exchange(
                            "/api/v1/accounts/{a}/balance?asOf={t}",
                            HttpMethod.GET,
                            null,
                            Map.class,
                            partner,
                            asOf);
            assertThat(response.getStatusCode().value()).as(asOf).isEqualTo(400);
            assertThat(response.getBody())
                    .containsEntry("code", "INVALID_PARAMETER")
                    .containsEntry("field", "asOf");
        }

        var customer = newId("c");
        api.openCustomer(customer, partner.substring("partner:".length()), true);
        var price =
                api.put(
                        "/accounts/customer:" + customer + "/ai-credits",
                        Map.of(
                                "commandId",
                                newId("ai"),
                                "enabled",
                                true,
                                "pricePerMinuteUcr",
                                Long.MAX_VALUE,
                                "graceSeconds",
                                3600,
                                "lowCreditThresholdUcr",
                                0,
                                "lowCreditNotifications",
                                false));
        assertProblem(price, 422, "OUT_OF_RANGE").containsEntry("field", "pricePerMinuteUcr");
    }

    @Test
    void case4_settlement_usage_ids_matrix_parameters_and_key_deposit_ids_are_refused() {
        var reservation = newId("res");
        LedgerApiClient.expectOk(api.reserve(partner, reservation, 1_000, 60, "hold"));
        var settle = "/accounts/" + partner + "/reservations/" + reservation + "/settlements";
        var missing = api.post(settle, Map.of("commandId", newId("s"), "amountUcr", 1));
        assertProblem(missing, 400, "FIELD_REQUIRED").containsEntry("field", "usageId");
        for (var usageId : List.of("", "u".repeat(10_000), "../etc/passwd", "u\u0001")) {
            var bad =
                    api.post(
                            settle,
                            Map.of("commandId", newId("s"), "amountUcr", 1, "usageId", usageId));
            assertProblem(bad, 400, "INVALID_ID").containsEntry("field", "usageId");
        }

        var matrix = raw(partner + ";DROP/credits", body("\"amountUcr\":1,\"note\":\"n\""));
        assertProblem(matrix, 400, "INVALID_PARAMETER").containsEntry("field", "path");

        var deposit = api.reserve(partner, "key-deposit-k1", 1_000, 60, "sneaky");
        assertProblem(deposit, 400, "INVALID_ID").containsEntry("field", "reservationId");
    }

    @Test
    void case5_a_usage_id_is_charged_once_whatever_its_command_id() {
        var usage = Map.<String, Object>of("amountUcr", 5, "usageId", "req-1", "description", "d");
        LedgerApiClient.expectOk(api.post("/accounts/" + partner + "/usage", with(usage)));

        var again = api.post("/accounts/" + partner + "/usage", with(usage));
        assertProblem(again, 409, "USAGE_ALREADY_CHARGED");

        var reservation = newId("res");
        LedgerApiClient.expectOk(api.reserve(partner, reservation, 1_000, 60, "hold"));
        var settled =
                api.post(
                        "/accounts/" + partner + "/reservations/" + reservation + "/settlements",
                        Map.of("commandId", newId("s"), "amountUcr", 1, "usageId", "req-1"));
        assertProblem(settled, 409, "USAGE_ALREADY_CHARGED");
    }

    @Test
    void partA_routes_methods_media_types_and_business_rules_answer_problems() {
        assertProblem(api.get("/nowhere"), 404, "ROUTE_NOT_FOUND");
        assertProblem(api.get("/accounts/" + partner + "/credits"), 405, "METHOD_NOT_ALLOWED");
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        var text =
                http.exchange(
                        "/api/v1/accounts/" + partner + "/credits",
                        HttpMethod.POST,
                        new HttpEntity<>("hello", headers),
                        Map.class);
        assertThat(text.getStatusCode().value()).isEqualTo(415);
        assertThat(text.getBody()).containsEntry("code", "UNSUPPORTED_MEDIA_TYPE");
    }

    private Map<String, Object> with(Map<String, Object> fields) {
        var body = new java.util.HashMap<>(fields);
        body.put("commandId", newId("u"));
        return body;
    }

    private static String body(String fields) {
        return "{\"commandId\":\"" + newId("c") + "\"," + fields + "}";
    }

    private ResponseEntity<Map<String, Object>> raw(String accountPath, String json) {
        return api.postRaw("/accounts/" + accountPath, json);
    }

    private static org.assertj.core.api.MapAssert<String, Object> assertProblem(
            ResponseEntity<Map<String, Object>> response, int status, String code) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString())
                .contains("application/problem+json");
        return assertThat(response.getBody()).containsEntry("code", code).containsKey("instance");
    }
}
