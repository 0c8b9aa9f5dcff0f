package io.ledgerline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.gateway.support.GatewayTestBase;
import io.ledgerline.testsupport.auth.DoorWalk;
import io.ledgerline.testsupport.auth.TestTokens;
import io.ledgerline.websecurity.Doors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every door of the management listener is locked, and a narrow token opens only its own. */
class GatewayDoorsTest extends GatewayTestBase {

    @Autowired Doors doors;

    @Test
    void every_endpoint_of_the_openapi_document_refuses_no_forged_foreign_and_narrow_tokens() {
        var walk = new DoorWalk("http://127.0.0.1:" + management.port(), doors, "ledger.read");
        var operations = walk.operations("/v3/api-docs");

        assertThat(operations).hasSizeGreaterThan(10);
        assertThat(operations)
                .allSatisfy(op -> assertThat(op.path()).startsWith("/api/v1/"))
                .as("/v1 is not in the management API's document")
                .noneMatch(op -> op.path().startsWith("/v1/"));
        walk.assertEveryDoorLocked(operations);
    }

    @Test
    void a_read_only_token_cannot_create_a_key_and_nothing_is_created() {
        var partnerId = newPartner("STARTER", 5_000);
        var reader = api.authorizedAs(TestTokens.bearer(GatewayDoors.READ));

        var refused =
                reader.post(
                        "/api/v1/partners/" + partnerId + "/keys", partnerKey(100, "gpt-4o-mini"));

        assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
        assertThat(refused.body().path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(refused.body().path("detail").asText()).contains(GatewayDoors.KEYS);
        assertThat(refused.header("www-authenticate"))
                .contains("insufficient_scope", GatewayDoors.KEYS);
        assertThat(reader.get("/api/v1/partners/" + partnerId + "/keys").body()).isEmpty();
        assertThat(LEDGER.commandsTo(partnerId)).isEmpty();
    }

    @Test
    void without_a_token_the_management_api_is_401_with_a_bearer_challenge() {
        var refused = api.authorizedAs(null).get("/api/v1/partners/p-1/keys");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        assertThat(refused.body().path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(refused.header("www-authenticate")).startsWith("Bearer");
    }

    @Test
    void metrics_need_an_operator_token_on_the_management_listener() {
        var metrics = "/actuator/metrics";

        assertThat(api.authorizedAs(null).get(metrics).status()).isEqualTo(401);
        assertThat(api.authorizedAs(TestTokens.bearer(GatewayDoors.READ)).get(metrics).status())
                .isEqualTo(403);
        var operator = api.authorizedAs(TestTokens.bearer(GatewayDoors.OPERATE)).get(metrics);
        assertThat(operator.status()).as(operator.raw()).isEqualTo(200);
        assertThat(operator.body().path("names").isArray()).isTrue();
    }
}
