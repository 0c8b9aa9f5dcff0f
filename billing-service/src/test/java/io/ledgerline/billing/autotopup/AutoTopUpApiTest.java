package io.ledgerline.billing.autotopup;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.billing.support.CommerceTestBase;
import io.ledgerline.testsupport.auth.TestTokens;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.util.List;

/** Who may set an auto top-up, and what input is refused before anything is saved. */
class AutoTopUpApiTest extends CommerceTestBase {

    @Test
    void setting_needs_billing_purchases_reading_billing_read_and_a_refusal_saves_nothing() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var planId = plan(partner, "Refill", 1_000, 20);
        var path = "/api/v1/accounts/customer:" + customer + "/auto-top-up";
        var body = "{\"thresholdUcr\":5000000,\"planId\":\"" + planId + "\"}";

        var bare = new org.springframework.boot.test.web.client.TestRestTemplate();
        var url = http.getRootUri() + path;
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        var noToken =
                bare.exchange(
                        url,
                        HttpMethod.PUT,
                        new org.springframework.http.HttpEntity<>(body, headers),
                        String.class);
        var reader = send(HttpMethod.PUT, path, body, TestTokens.bearer("billing.read"));
        var agent =
                send(
                        HttpMethod.PUT,
                        path,
                        body,
                        TestTokens.bearer("billing.usage", "billing.calls", "billing.read"));
        var ledgerToken = send(HttpMethod.PUT, path, body, TestTokens.bearer("ledger.credits"));
        var offByReader = send(HttpMethod.DELETE, path, null, TestTokens.bearer("billing.read"));

        assertThat(noToken.getStatusCode().value()).isEqualTo(401);
        assertThat(code(reader)).isEqualTo("FORBIDDEN");
        assertThat(code(agent)).isEqualTo("FORBIDDEN");
        assertThat(ledgerToken.getStatusCode().value()).isEqualTo(401);
        assertThat(offByReader.getStatusCode().value()).isEqualTo(403);
        assertThat(code(send(HttpMethod.GET, path, null))).isEqualTo("AUTO_TOP_UP_NOT_SET");

        var set = send(HttpMethod.PUT, path, body, TestTokens.bearer("billing.purchases"));
        assertThat(set.getStatusCode().value()).isEqualTo(200);
        var read = send(HttpMethod.GET, path, null, TestTokens.bearer("billing.read"));
        assertThat(read.getBody().path("thresholdUcr").asLong()).isEqualTo(5_000_000);
        assertThat(send(HttpMethod.DELETE, path, null).getStatusCode().value()).isEqualTo(204);
        assertThat(code(send(HttpMethod.GET, path, null))).isEqualTo("AUTO_TOP_UP_NOT_SET");
    }

    record Hostile(String body, int status, String code) {}

    @Test
    void hostile_thresholds_and_plans_are_refused_with_a_stable_code_and_nothing_is_saved() {
        var partner = unique("p");
        var customer = customerOf(partner);
        var planId = plan(partner, "Refill", 1_000, 20);
        var otherPartner = unique("p");
        var foreignPlan = plan(otherPartner, "Theirs", 1_000, 20);
        var path = "/api/v1/accounts/customer:" + customer + "/auto-top-up";
        var plan = "\"planId\":\"" + planId + "\"";

        var cases =
                List.of(
                        new Hostile("{\"thresholdUcr\":-1," + plan + "}", 422, "OUT_OF_RANGE"),
                        new Hostile("{\"thresholdUcr\":1.5," + plan + "}", 422, "OUT_OF_RANGE"),
                        new Hostile(
                                "{\"thresholdUcr\":1000000000000000001," + plan + "}",
                                422,
                                "OUT_OF_RANGE"),
                        new Hostile(
                                "{\"thresholdUcr\":99999999999999999999999999999," + plan + "}",
                                422,
                                "OUT_OF_RANGE"),
                        new Hostile("{" + plan + "}", 400, "FIELD_REQUIRED"),
                        new Hostile("{\"thresholdUcr\":\"ten\"," + plan + "}", 400, null),
                        new Hostile("{\"thresholdUcr\":1}", 400, "FIELD_REQUIRED"),
                        new Hostile("{\"thresholdUcr\":1,\"planId\":\"a\\u0000b\"}", 400, null),
                        new Hostile(
                                "{\"thresholdUcr\":1,\"planId\":\"nope\"}", 404, "PLAN_NOT_FOUND"),
                        new Hostile(
                                "{\"thresholdUcr\":1,\"planId\":\"" + foreignPlan + "\"}",
                                404,
                                "PLAN_NOT_FOUND"),
                        new Hostile("{\"thresholdUcr\":1," + plan + "} {}", 400, null),
                        new Hostile("[1]", 400, "MALFORMED_JSON"));
        for (var hostile : cases) {
            var refused = send(HttpMethod.PUT, path, hostile.body());
            assertThat(refused.getStatusCode().value())
                    .as(hostile.body())
                    .isEqualTo(hostile.status());
            if (hostile.code() != null) {
                assertThat(code(refused)).as(hostile.body()).isEqualTo(hostile.code());
            } else {
                assertThat(code(refused)).as(hostile.body()).isNotBlank();
            }
        }
        var partnerAccount =
                send(
                        HttpMethod.PUT,
                        "/api/v1/accounts/partner:" + partner + "/auto-top-up",
                        "{\"thresholdUcr\":1," + plan + "}");
        assertThat(code(partnerAccount)).isEqualTo("INVALID_ID");
        var unknownCustomer =
                send(
                        HttpMethod.PUT,
                        "/api/v1/accounts/customer:" + unique("c") + "/auto-top-up",
                        "{\"thresholdUcr\":1," + plan + "}");
        assertThat(code(unknownCustomer)).isEqualTo("CUSTOMER_UNKNOWN");
        assertThat(
                        jdbc.queryForObject(
                                "SELECT count(*) FROM billing.auto_top_ups WHERE partner_id IN"
                                        + " (?, ?)",
                                Long.class,
                                partner,
                                otherPartner))
                .isZero();
    }
}
