package io.ledgerline.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.gateway.support.Api;
import io.ledgerline.gateway.support.GatewayTestBase;
import io.ledgerline.testsupport.auth.TestTokens;

import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * The public port serves {@code /v1} and health only; the management listener everything else but
 * {@code /v1}. A request on the wrong one is a 404 in that listener's own error shape.
 */
class ListenerSeparationTest extends GatewayTestBase {

    @Test
    void the_management_api_is_not_on_the_public_port_even_with_a_token() {
        var partnerId = newPartner("STARTER", 5_000);
        var outside = api.managementCallsTo(port);

        for (var reply :
                new Api.Reply[] {
                    outside.get("/api/v1/partners/" + partnerId + "/keys"),
                    outside.post(
                            "/api/v1/partners/" + partnerId + "/keys",
                            partnerKey(100, "gpt-4o-mini")),
                    outside.put(
                            "/api/v1/partners/" + partnerId + "/gateway-settings",
                            Map.of("tier", "PRO")),
                    outside.get("/v3/api-docs"),
                    outside.get("/actuator/metrics"),
                    outside.get("/actuator/info")
                }) {
            assertThat(reply.status()).as(reply.raw()).isEqualTo(404);
            assertThat(reply.body().path("error").path("code").asText()).isEqualTo("unknown_url");
        }
        assertThat(LEDGER.commandsTo(partnerId)).isEmpty();
        assertThat(api.get("/api/v1/partners/" + partnerId + "/keys").body()).isEmpty();
    }

    @Test
    void v1_is_not_on_the_management_listener() {
        var inside = new Api(management.port(), management.port());

        var chat =
                inside.openAi(
                        "/v1/chat/completions", "llk_not-a-key", chat("m", "hi", 8), Map.of());
        var models = inside.get("/v1/models");

        for (var reply : new Api.Reply[] {chat, models}) {
            assertThat(reply.status()).as(reply.raw()).isEqualTo(404);
            assertThat(reply.header("content-type")).startsWith("application/problem+json");
            assertThat(reply.body().path("code").asText()).isEqualTo("ROUTE_NOT_FOUND");
        }
    }

    @Test
    void health_is_open_on_both_listeners() {
        for (var listener : new int[] {port, management.port()}) {
            var health = api.managementCallsTo(listener).authorizedAs(null).get("/actuator/health");
            assertThat(health.status()).as(health.raw()).isEqualTo(200);
            assertThat(health.body().path("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void v1_on_the_public_port_takes_virtual_keys_and_no_service_token() {
        var withServiceToken =
                api.openAi(
                        "/v1/chat/completions",
                        TestTokens.token(Api.MANAGEMENT_SCOPES),
                        chat("gpt-4o-mini", "hi", 8),
                        Map.of());

        assertThat(withServiceToken.status()).isEqualTo(401);
        assertThat(withServiceToken.body().path("error").path("code").asText())
                .isEqualTo("invalid_api_key");
        assertThat(withServiceToken.header("cache-control")).isNull();
        assertThat(withServiceToken.header("x-content-type-options")).isNull();
    }
}
