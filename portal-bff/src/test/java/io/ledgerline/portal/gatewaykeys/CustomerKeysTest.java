package io.ledgerline.portal.gatewaykeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.portal.support.PortalTestBase;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class CustomerKeysTest extends PortalTestBase {

    @Test
    void R8_a_key_is_created_with_a_name_and_models_only_and_its_secret_shown_once() {
        var bistro = signedIn("bistro@demo.ledgerline");

        var created =
                bistro.post(
                        "/api/portal/gateway/keys",
                        Map.of(
                                "commandId",
                                "generate-key-1",
                                "name",
                                "My app",
                                "allowedModels",
                                List.of("gpt-4o-mini")));
        var listed = bistro.get("/api/portal/gateway/keys");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("secret").asText()).isEqualTo("llk_once_only_secret");
        var sent =
                DOWNSTREAM.received().stream()
                        .filter(r -> r.method().equals("POST"))
                        .findFirst()
                        .orElseThrow();
        assertThat(sent.path()).isEqualTo("/api/v1/customers/bistro/keys");
        assertThat(sent.body().properties())
                .extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("commandId", "name", "allowedModels");
        assertThat(listed.body().get(0).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(listed.body().get(0).hasNonNull("secret")).isFalse();
    }

    @Test
    void R8_a_key_with_a_budget_is_refused_as_an_unknown_field_and_nothing_is_created() {
        var reply =
                signedIn("bistro@demo.ledgerline")
                        .post(
                                "/api/portal/gateway/keys",
                                Map.of(
                                        "commandId",
                                        "generate-key-2",
                                        "name",
                                        "My app",
                                        "allowedModels",
                                        List.of("gpt-4o-mini"),
                                        "budgetUcr",
                                        999));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("MALFORMED_JSON");
        assertThat(reply.body().path("field").asText()).isEqualTo("budgetUcr");
        assertThat(DOWNSTREAM.received()).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void a_partner_has_no_customer_keys_of_its_own() {
        var reply = signedIn("acme@demo.ledgerline").get("/api/portal/gateway/keys");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("CUSTOMER_ONLY");
    }
}
