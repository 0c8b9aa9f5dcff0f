package io.ledgerline.portal.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.portal.support.PortalBrowser;
import io.ledgerline.portal.support.PortalTestBase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bodies no SPA sends (null or missing fields, wrong types, control characters, trailing JSON,
 * unknown fields) are 4xx problems with a stable code and the field at fault, never a 500, and
 * nothing reaches a downstream service.
 */
class MalformedRequestsTest extends PortalTestBase {

    private static final String KEYS = "/api/portal/gateway/keys";
    private static final String CREDITS = "/api/portal/partner/customers/customer:bistro/credits";
    private static final String JSON = "application/json";

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'\"name\":null,'             | name | FIELD_REQUIRED",
                "''                           | name | FIELD_REQUIRED",
                "'\"name\":\"  \",'           | name | INVALID_TEXT",
                "'\"name\":\"a\\u0000b\",'    | name | INVALID_TEXT",
                "'\"name\":\"line\\nbreak\",' | name | INVALID_TEXT",
                "'\"name\":\"tab\\tbed\",'    | name | INVALID_TEXT",
                "'\"name\":\"\\u202Eevil\",'  | name | INVALID_TEXT",
                "'\"name\":\"\\ud800\",'      | name | INVALID_TEXT",
                "'\"name\":{},'               | name | MALFORMED_JSON",
                "'\"name\":[\"x\"],'          | name | MALFORMED_JSON",
                "'\"name\":\"app\",\"partnerId\":\"globex\",' | partnerId | MALFORMED_JSON"
            })
    void gateway_key_creation_with_an_unusable_name_or_an_unknown_field_is_400(
            String name, String field, String code) {
        var reply =
                signedIn("bistro@demo.ledgerline")
                        .postRaw(
                                KEYS,
                                JSON,
                                "{\"commandId\":\"generate-key-1\","
                                        + name
                                        + "\"allowedModels\":[\"gpt-4o-mini\"]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.body().path("field").asText()).isEqualTo(field);
        assertThat(reply.body().path("instance").asText()).isEqualTo(KEYS);
        assertThat(DOWNSTREAM.received()).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void gateway_key_creation_with_a_name_too_long_for_the_gateway_is_400_INVALID_TEXT() {
        var reply =
                signedIn("bistro@demo.ledgerline")
                        .postRaw(
                                KEYS,
                                JSON,
                                "{\"commandId\":\"generate-key-1\",\"name\":\""
                                        + "n".repeat(101)
                                        + "\",\"allowedModels\":[\"gpt-4o-mini\"]}");

        assertThat(reply.code()).isEqualTo("INVALID_TEXT");
        assertThat(reply.body().path("field").asText()).isEqualTo("name");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'[null]'              | INVALID_MODELS",
                "'[\"\"]'              | INVALID_MODELS",
                "'[\"gpt\\u0007\"]'    | INVALID_MODELS",
                "'[\"gpt\\u0000\"]'    | INVALID_TEXT",
                "'\"gpt-4o-mini\"'     | MALFORMED_JSON",
                "'[1]'                 | MALFORMED_JSON"
            })
    void gateway_key_creation_with_unusable_models_is_400(String models, String code) {
        var reply =
                signedIn("bistro@demo.ledgerline")
                        .postRaw(
                                KEYS,
                                JSON,
                                "{\"commandId\":\"generate-key-1\",\"name\":\"app\","
                                        + "\"allowedModels\":"
                                        + models
                                        + "}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(DOWNSTREAM.received()).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void sign_in_with_a_NUL_in_the_email_is_400_INVALID_TEXT_and_no_session() {
        var browser = new PortalBrowser(port);

        var reply = browser.signIn("a\\u0000b@x.io", PASSWORD);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo("INVALID_TEXT");
        assertThat(reply.body().path("field").asText()).isEqualTo("email");
        assertThat(browser.get("/api/portal/me").status()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\u0007@x.io", "acme@demo.ledgerline\\n", "acme@demo.ledgerline\\t"})
    void sign_in_with_a_control_character_in_the_email_is_401_INVALID_CREDENTIALS(String email) {
        var browser = new PortalBrowser(port);

        var reply = browser.signIn(email, PASSWORD);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(browser.get("/api/portal/me").status()).isEqualTo(401);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'{\"email\":null,\"password\":null}'                      | INVALID_CREDENTIALS",
                "'{}'                                                      | INVALID_CREDENTIALS",
                "'{\"email\":7,\"password\":\"demo\"}'                     | MALFORMED_JSON",
                "'{\"email\":[],\"password\":\"demo\"}'                    | MALFORMED_JSON",
                "'{\"email\":\"acme@demo.ledgerline\",\"password\":\"demo\"} trailing' | MALFORMED_JSON",
                "'{\"email\":\"acme@demo.ledgerline\",\"password\":\"demo\"}{}' | MALFORMED_JSON",
                "'{\"email\":\"acme@demo.ledgerline\",\"email\":\"x\",\"password\":\"demo\"}' | MALFORMED_JSON",
                "'{\"email\":\"acme@demo.ledgerline\",\"password\":\"demo\",\"role\":\"PARTNER\"}' | MALFORMED_JSON",
                "'null'                                                    | MALFORMED_JSON",
                "'[]'                                                      | MALFORMED_JSON",
                "'\"acme@demo.ledgerline\"'                                | MALFORMED_JSON"
            })
    void sign_in_with_missing_wrong_type_unknown_or_trailing_json_is_4xx_and_no_session(
            String body, String code) {
        var browser = new PortalBrowser(port);

        var reply = browser.postRaw("/api/portal/session", JSON, body);

        assertThat(reply.status()).isBetween(400, 401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo(code);
        assertThat(browser.get("/api/portal/me").status()).isEqualTo(401);
    }

    @Test
    void sign_in_with_a_huge_email_is_413_PAYLOAD_TOO_LARGE_before_it_is_read() {
        var browser = new PortalBrowser(port);

        var reply = browser.signIn("a".repeat(100_000) + "@x.io", PASSWORD);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(browser.get("/api/portal/me").status()).isEqualTo(401);
    }

    @Test
    void sign_in_with_an_overlong_email_or_password_is_401_INVALID_CREDENTIALS() {
        var longEmail = new PortalBrowser(port).signIn("a".repeat(300) + "@x.io", PASSWORD);
        var longPassword =
                new PortalBrowser(port).signIn("globex@test.ledgerline", "p".repeat(1_000));

        assertThat(longEmail.code()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(longPassword.code()).isEqualTo("INVALID_CREDENTIALS");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'\"amountUcr\":\"5000000\",\"note\":\"gift\"'              | MALFORMED_JSON",
                "'\"amountUcr\":1.5,\"note\":\"gift\"'                      | MALFORMED_JSON",
                "'\"amountUcr\":99999999999999999999999,\"note\":\"gift\"'  | MALFORMED_JSON",
                "'\"amountUcr\":5000000,\"note\":\"a\\u0000b\"'             | INVALID_TEXT",
                "'\"amountUcr\":5000000,\"note\":\"two\\nlines\"'           | INVALID_TEXT",
                "'\"amountUcr\":5000000,\"note\":null'                      | FIELD_REQUIRED",
                "'\"amountUcr\":null,\"note\":\"gift\"'                     | FIELD_REQUIRED",
                "'\"amountUcr\":5000000,\"note\":\"gift\",\"tenant\":\"x\"' | MALFORMED_JSON",
                "'\"amountUcr\":5000000,\"note\":\"gift\"}{\"x\":1'         | MALFORMED_JSON"
            })
    void a_credit_adjustment_with_a_wrong_type_or_an_unusable_note_is_400(
            String fields, String code) {
        var reply =
                signedIn("acme@demo.ledgerline")
                        .postRaw(CREDITS, JSON, "{\"commandId\":\"add-credits-1\"," + fields + "}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(DOWNSTREAM.received()).noneMatch(r -> r.method().equals("POST"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'{\"enabled\":\"true\"}'   | MALFORMED_JSON",
                "'{\"enabled\":1}'          | MALFORMED_JSON",
                "'{\"enabled\":true} x'     | MALFORMED_JSON",
                "'{\"enabled\":null}'       | FIELD_REQUIRED",
                "'{}'                       | FIELD_REQUIRED"
            })
    void the_self_service_toggle_is_a_boolean_or_400(String body, String code) {
        var acme = signedIn("acme@demo.ledgerline");

        var reply = acme.putRaw("/api/portal/partner/self-service", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(DOWNSTREAM.received()).noneMatch(r -> r.method().equals("PUT"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "history?page=%00          | page | INVALID_PARAMETER",
                "history?size=99999999999  | size | INVALID_PARAMETER",
                "history?page=1.5          | page | INVALID_PARAMETER",
                "history?page=-1           | page | INVALID_PAGING",
                "history?size=101          | size | INVALID_PAGING"
            })
    void a_malformed_or_out_of_range_paging_parameter_is_400(
            String query, String field, String code) {
        var reply =
                signedIn("acme@demo.ledgerline")
                        .get("/api/portal/accounts/customer:bistro/" + query);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.body().path("field").asText()).isEqualTo(field);
    }
}
