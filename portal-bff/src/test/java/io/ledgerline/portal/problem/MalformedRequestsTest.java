package io.ledgerline.portal.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.portal.support.PortalBrowser;
import io.ledgerline.portal.support.PortalTestBase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bodies no SPA sends (null or missing fields, wrong types, control characters, trailing JSON) are
 * 4xx problems with a stable code, never a 500, and nothing reaches a downstream service.
 */
class MalformedRequestsTest extends PortalTestBase {

    private static final String KEYS = "/api/portal/gateway/keys";
    private static final String CREDITS = "/api/portal/partner/customers/customer:bistro/credits";
    private static final String JSON = "application/json";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"name\":null,",
                "",
                "\"name\":\"  \",",
                "\"name\":\"a\\u0000b\",",
                "\"name\":\"line\\nbreak\",",
                "\"name\":{},",
                "\"name\":[\"x\"],"
            })
    void gateway_key_creation_with_a_null_missing_or_unusable_name_is_400_INVALID_NAME(
            String name) {
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
        assertThat(reply.code()).isIn("INVALID_NAME", "MALFORMED_REQUEST");
        assertThat(DOWNSTREAM.received()).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void gateway_key_creation_with_a_name_too_long_for_the_gateway_is_400_INVALID_NAME() {
        var reply =
                signedIn("bistro@demo.ledgerline")
                        .postRaw(
                                KEYS,
                                JSON,
                                "{\"commandId\":\"generate-key-1\",\"name\":\""
                                        + "n".repeat(101)
                                        + "\",\"allowedModels\":[\"gpt-4o-mini\"]}");

        assertThat(reply.code()).isEqualTo("INVALID_NAME");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[null]", "[\"\"]", "[\"gpt\\u0000\"]", "\"gpt-4o-mini\"", "[1]"})
    void gateway_key_creation_with_unusable_models_is_400(String models) {
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
        assertThat(reply.code()).isIn("INVALID_MODELS", "MALFORMED_REQUEST");
        assertThat(DOWNSTREAM.received()).noneMatch(r -> r.method().equals("POST"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\u0000b@x.io", "acme@demo.ledgerline\\u0000", "a\\u0007@x.io"})
    void sign_in_with_a_NUL_or_control_character_in_the_email_is_401_INVALID_CREDENTIALS(
            String email) {
        var browser = new PortalBrowser(port);

        var reply = browser.signIn(email, PASSWORD);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(browser.get("/api/portal/me").status()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"email\":null,\"password\":null}",
                "{}",
                "{\"email\":7,\"password\":\"demo\"}",
                "{\"email\":[],\"password\":\"demo\"}",
                "{\"email\":\"acme@demo.ledgerline\",\"password\":\"demo\"} trailing",
                "{\"email\":\"acme@demo.ledgerline\",\"password\":\"demo\"}{}",
                "null",
                "[]",
                "\"acme@demo.ledgerline\""
            })
    void sign_in_with_missing_wrong_type_or_trailing_json_is_4xx_and_no_session(String body) {
        var browser = new PortalBrowser(port);

        var reply = browser.postRaw("/api/portal/session", JSON, body);

        assertThat(reply.status()).isBetween(400, 401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.code()).isIn("MALFORMED_REQUEST", "INVALID_CREDENTIALS");
        assertThat(browser.get("/api/portal/me").status()).isEqualTo(401);
    }

    @Test
    void sign_in_with_a_huge_email_is_401_INVALID_CREDENTIALS() {
        var reply = new PortalBrowser(port).signIn("a".repeat(100_000) + "@x.io", PASSWORD);

        assertThat(reply.code()).isEqualTo("INVALID_CREDENTIALS");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"amountUcr\":\"5000000\",\"note\":\"gift\"",
                "\"amountUcr\":1.5,\"note\":\"gift\"",
                "\"amountUcr\":99999999999999999999999,\"note\":\"gift\"",
                "\"amountUcr\":5000000,\"note\":\"a\\u0000b\"",
                "\"amountUcr\":5000000,\"note\":null",
                "\"amountUcr\":5000000,\"note\":\"gift\"}{\"x\":1"
            })
    void a_credit_adjustment_with_a_wrong_type_or_a_NUL_in_its_note_is_400(String fields) {
        var reply =
                signedIn("acme@demo.ledgerline")
                        .postRaw(CREDITS, JSON, "{\"commandId\":\"add-credits-1\"," + fields + "}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isIn("MALFORMED_REQUEST", "INVALID_NOTE");
        assertThat(DOWNSTREAM.received()).noneMatch(r -> r.method().equals("POST"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"enabled\":\"true\"}", "{\"enabled\":1}", "{\"enabled\":true} x"})
    void the_self_service_toggle_is_a_boolean_or_400(String body) {
        var acme = signedIn("acme@demo.ledgerline");

        var reply = acme.putRaw("/api/portal/partner/self-service", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("MALFORMED_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/portal/accounts/customer:bistro/history?page=%00",
                "/api/portal/accounts/customer:bistro/history?size=99999999999",
                "/api/portal/accounts/customer:bistro/history?page=1.5"
            })
    void a_NUL_or_out_of_range_number_in_the_query_is_400_MALFORMED_REQUEST(String path) {
        var reply = signedIn("acme@demo.ledgerline").get(path);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("MALFORMED_REQUEST");
    }
}
