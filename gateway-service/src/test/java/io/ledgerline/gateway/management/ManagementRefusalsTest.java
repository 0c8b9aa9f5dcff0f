package io.ledgerline.gateway.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.gateway.support.GatewayTestBase;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

/**
 * Each faulty input of the key management API and the one code it is refused with, as the one
 * problem body of {@code contracts}: status, code, the field at fault, the request path.
 */
class ManagementRefusalsTest extends GatewayTestBase {

    String partnerId;
    String keys;

    @BeforeEach
    void partner() {
        partnerId = newPartner("GROWTH", 1_000);
        keys = "/api/v1/partners/" + partnerId + "/keys";
    }

    /** A valid create body with {@code field} set to the raw JSON {@code value}. */
    private String createWith(String field, String value) {
        var fields = new java.util.LinkedHashMap<String, String>();
        fields.put("commandId", "\"c-" + UUID.randomUUID() + "\"");
        fields.put("name", "\"key\"");
        fields.put("budgetUcr", "1000");
        fields.put("allowedModels", "[\"gpt-4o-mini\"]");
        if (value == null) {
            fields.remove(field);
        } else {
            fields.put(field, value);
        }
        var body = new StringBuilder("{");
        fields.forEach(
                (name, raw) ->
                        body.append(body.length() > 1 ? "," : "")
                                .append('"')
                                .append(name)
                                .append("\":")
                                .append(raw));
        return body.append('}').toString();
    }

    @ParameterizedTest(name = "{0} = {1} -> {2} {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "<absent>",
            value = {
                "name             | <absent>                       | 400 | FIELD_REQUIRED",
                "name             | '\"   \"'                      | 400 | INVALID_TEXT",
                "name             | '\"nul\\u0000\"'               | 400 | INVALID_TEXT",
                "name             | '\"lone \\ud800\"'             | 400 | INVALID_TEXT",
                "name             | '\"tab\\there\"'               | 400 | INVALID_TEXT",
                "name             | '\"\\u202Egnp.exe\"'           | 400 | INVALID_TEXT",
                "name             | 1                              | 400 | MALFORMED_JSON",
                "description      | '\"\\u2066isolated\\u2069\"'   | 400 | INVALID_TEXT",
                "commandId        | '\"acme;DROP\"'                | 400 | INVALID_ID",
                "commandId        | <absent>                       | 400 | FIELD_REQUIRED",
                "budgetUcr        | 0                              | 422 | AMOUNT_MUST_BE_POSITIVE",
                "budgetUcr        | '\"1000\"'                     | 400 | MALFORMED_JSON",
                "budgetUcr        | 1.5                            | 400 | MALFORMED_JSON",
                "budgetUcr        | 99999999999999999999           | 400 | MALFORMED_JSON",
                "budgetUcr        | 9223372036854775807            | 422 | AMOUNT_OVERFLOW",
                "requestsPerMinute | -1                            | 422 | OUT_OF_RANGE",
                "allowedModels    | '[\"gpt-5-imaginary\"]'        | 422 | MODEL_NOT_FOUND",
                "allowedModels    | '[]'                           | 400 | INVALID_MODELS",
                "allowedDomains   | '[\"not a domain\"]'           | 400 | INVALID_DOMAINS",
                "expiresAt        | '\"2000-01-01T00:00:00Z\"'     | 422 | EXPIRY_IN_PAST",
                "budgetUCR        | 1000                           | 400 | MALFORMED_JSON",
            })
    void R10_each_faulty_field_of_a_key_is_refused_with_its_code(
            String field, String value, int status, String code) {
        var refused = api.post(keys, createWith(field, value));

        assertThat(refused.status()).as(refused.raw()).isEqualTo(status);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        assertThat(refused.body().path("code").asText()).isEqualTo(code);
        assertThat(refused.body().path("instance").asText()).isEqualTo(keys);
        if (!code.equals("MALFORMED_JSON") && !code.equals("AMOUNT_OVERFLOW")) {
            assertThat(refused.body().path("field").asText())
                    .isEqualTo(field.equals("allowedDomains") ? "allowedDomains" : field);
        }
        assertThat(api.get(keys).body()).isEmpty();
    }

    @Test
    void trailing_content_and_duplicate_keys_are_MALFORMED_JSON() {
        var body = createWith("name", "\"key\"");
        for (var malformed :
                new String[] {
                    body + "{}",
                    body.replace("{\"commandId\"", "{\"name\":\"a\",\"commandId\"")
                            .replace("\"name\":\"key\"", "\"name\":\"b\"")
                }) {
            var refused = api.post(keys, malformed);
            assertThat(refused.status()).as(malformed).isEqualTo(400);
            assertThat(refused.body().path("code").asText()).isEqualTo("MALFORMED_JSON");
        }
    }

    @Test
    void a_path_segment_with_matrix_parameters_is_INVALID_ID_not_the_id_before_it() {
        var refused = api.get("/api/v1/partners/" + partnerId + ";DROP/keys");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("code").asText()).isEqualTo("INVALID_ID");
        assertThat(refused.body().path("field").asText()).isEqualTo("partnerId");
    }

    @Test
    void R10_an_unknown_tier_is_UNKNOWN_TIER() {
        var refused =
                api.put(
                        "/api/v1/partners/" + partnerId + "/gateway-settings",
                        java.util.Map.of("tier", "GOLD"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("code").asText()).isEqualTo("UNKNOWN_TIER");
        assertThat(refused.body().path("field").asText()).isEqualTo("tier");
    }

    @Test
    void a_negative_price_in_the_settings_is_OUT_OF_RANGE() {
        var refused =
                api.put(
                        "/api/v1/partners/" + partnerId + "/gateway-settings",
                        java.util.Map.of("aiCreditPriceCents", "-1"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("code").asText()).isEqualTo("OUT_OF_RANGE");
        assertThat(refused.body().path("field").asText()).isEqualTo("aiCreditPriceCents");
    }
}
