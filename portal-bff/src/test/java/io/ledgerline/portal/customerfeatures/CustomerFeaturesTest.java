package io.ledgerline.portal.customerfeatures;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.portal.support.PortalBrowser;
import io.ledgerline.portal.support.PortalTestBase;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

class CustomerFeaturesTest extends PortalTestBase {

    private static final String BISTRO = "/api/portal/partner/customers/customer:bistro";
    private static final String CORNERSHOP = "/api/portal/partner/customers/customer:cornershop";

    @Test
    void R2_the_partner_switches_on_knowledge_base_phone_numbers_and_integration_with_its_apps() {
        var acme = signedIn("acme@demo.ledgerline");
        var wanted = features();
        wanted.put("knowledgeBase", true);
        wanted.put("integration", true);
        wanted.put("integrationApps", List.of("HubSpot", "Zapier", "HubSpot"));

        var saved = acme.put(CORNERSHOP + "/features", wanted);

        assertThat(saved.status()).isEqualTo(200);
        var shown = acme.get(CORNERSHOP + "/features").body().path("features");
        assertThat(shown.path("knowledgeBase").asBoolean()).isTrue();
        assertThat(shown.path("phoneNumbers").asBoolean()).isFalse();
        assertThat(shown.path("integrationApps").toString()).isEqualTo("[\"HubSpot\",\"Zapier\"]");
    }

    @Test
    void R4_api_keys_visibility_cannot_be_turned_on_without_api_access() {
        var acme = signedIn("acme@demo.ledgerline");
        var wanted = features();
        wanted.put("apiKeysVisible", true);

        var refused = acme.put(CORNERSHOP + "/features", wanted);
        wanted.put("apiAccess", true);
        var allowed = acme.put(CORNERSHOP + "/features", wanted);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("FEATURE_LOCKED");
        assertThat(refused.body().path("field").asText()).isEqualTo("apiKeysVisible");
        assertThat(allowed.body().path("features").path("apiKeysVisible").asBoolean()).isTrue();
        assertThat(allowed.body().path("locked").findValuesAsText("field"))
                .doesNotContain("apiKeysVisible");
    }

    @Test
    void R5_the_ai_gateway_toggle_stays_locked_off_without_ai_credits() {
        var acme = signedIn("acme@demo.ledgerline");
        var wanted = features();
        wanted.put("aiGatewayVisible", true);

        var cornershop = acme.get(CORNERSHOP + "/features").body();
        var refused = acme.put(CORNERSHOP + "/features", wanted);
        var bistro = acme.put(BISTRO + "/features", wanted);

        assertThat(cornershop.path("features").path("aiGatewayVisible").asBoolean()).isFalse();
        assertThat(cornershop.path("locked").findValuesAsText("field"))
                .contains("aiGatewayVisible");
        assertThat(refused.code()).isEqualTo("FEATURE_LOCKED");
        assertThat(bistro.status()).isEqualTo(200);
        assertThat(bistro.body().path("features").path("aiGatewayVisible").asBoolean()).isTrue();
    }

    @Test
    void R5_the_ai_gateway_check_names_the_first_condition_that_fails_in_the_seeds_order() {
        var acme = signedIn("acme@demo.ledgerline");

        var bistro = acme.get(BISTRO + "/ai-gateway-check").body();
        var cornershop = acme.get(CORNERSHOP + "/ai-gateway-check").body();
        var offline = features();
        offline.put("customerPortalEnabled", false);
        acme.put(CORNERSHOP + "/features", offline);
        var noPortal = acme.get(CORNERSHOP + "/ai-gateway-check").body();
        DOWNSTREAM.selfService("acme", false);
        var noSelfService = acme.get(BISTRO + "/ai-gateway-check").body();

        assertThat(bistro.path("visible").asBoolean()).isTrue();
        assertThat(bistro.path("failing").isNull()).isTrue();
        assertThat(cornershop.path("failing").asText()).isEqualTo("AI_CREDITS");
        assertThat(cornershop.path("checks").findValuesAsText("condition"))
                .containsExactly(
                        "PORTAL_ACCESS", "AI_CREDITS", "AI_GATEWAY_TOGGLE", "PARTNER_SELF_SERVICE");
        assertThat(noPortal.path("failing").asText()).isEqualTo("PORTAL_ACCESS");
        assertThat(noSelfService.path("failing").asText()).isEqualTo("PARTNER_SELF_SERVICE");
        assertThat(noSelfService.path("visible").asBoolean()).isFalse();
        assertThat(
                        signedIn("bistro@demo.ledgerline")
                                .get("/api/portal/me")
                                .body()
                                .path("menu")
                                .findValuesAsText("id"))
                .as("the menu agrees with the check")
                .doesNotContain("ai-gateway");
    }

    @Test
    void R6_and_R13_turning_ai_credits_on_saves_the_settings_and_locks_show_pricing_off() {
        var acme = signedIn("acme@demo.ledgerline");
        var before = acme.get(CORNERSHOP + "/features").body();

        var saved =
                acme.put(
                        CORNERSHOP + "/ai-credits",
                        Map.of(
                                "commandId",
                                "ai-credits-on-1",
                                "enabled",
                                true,
                                "pricePerMinuteUcr",
                                150_000,
                                "graceSeconds",
                                300,
                                "lowCreditThresholdUcr",
                                100_000_000,
                                "lowCreditNotifications",
                                true));
        var pricing = features();
        pricing.put("showPricing", true);
        var refused = acme.put(CORNERSHOP + "/features", pricing);

        assertThat(before.path("features").path("showPricing").asBoolean()).isTrue();
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().path("features").path("showPricing").asBoolean()).isFalse();
        assertThat(saved.body().path("aiCredits").path("graceSeconds").asLong()).isEqualTo(300);
        var sent =
                DOWNSTREAM.received().stream()
                        .filter(r -> r.method().equals("PUT"))
                        .findFirst()
                        .orElseThrow();
        assertThat(sent.path()).isEqualTo("/api/v1/accounts/customer:cornershop/ai-credits");
        assertThat(sent.body().has("accountId")).isFalse();
        assertThat(sent.body().path("pricePerMinuteUcr").asLong()).isEqualTo(150_000);
        assertThat(refused.code()).isEqualTo("FEATURE_LOCKED");
        assertThat(refused.body().path("field").asText()).isEqualTo("showPricing");
        assertThat(
                        jdbc.sql(
                                        "SELECT show_pricing FROM portal.tenant WHERE account_id ="
                                                + " 'customer:cornershop'")
                                .query(Boolean.class)
                                .single())
                .isFalse();
    }

    @Test
    void
            R7_changing_features_and_ai_credits_needs_the_settings_permission_and_another_partners_customer_is_forbidden() {
        var member = signedIn("acme-member@demo.ledgerline");
        var customer = signedIn("bistro@demo.ledgerline");
        var acme = signedIn("acme@demo.ledgerline");
        DOWNSTREAM.forget();

        assertThat(member.put(CORNERSHOP + "/features", features()).code())
                .isEqualTo("PERMISSION_REQUIRED");
        assertThat(
                        member.put(
                                        CORNERSHOP + "/ai-credits",
                                        Map.of("commandId", "ai-credits-member", "enabled", true))
                                .code())
                .isEqualTo("PERMISSION_REQUIRED");
        assertThat(customer.get(BISTRO + "/features").status()).isEqualTo(403);
        assertThat(acme.get("/api/portal/partner/customers/customer:harbor/features").code())
                .isEqualTo("TENANT_FORBIDDEN");
        assertThat(
                        acme.get("/api/portal/partner/customers/customer:harbor/ai-gateway-check")
                                .code())
                .isEqualTo("TENANT_FORBIDDEN");
        assertThat(new PortalBrowser(port).get(BISTRO + "/features").status()).isEqualTo(401);
        assertThat(DOWNSTREAM.received()).noneMatch(r -> !r.method().equals("GET"));
    }

    /** Everything off but the portal and pricing, as a new customer starts. */
    private static Map<String, Object> features() {
        var body = new HashMap<String, Object>();
        body.put("customerPortalEnabled", true);
        body.put("knowledgeBase", false);
        body.put("phoneNumbers", false);
        body.put("integration", false);
        body.put("integrationApps", List.of());
        body.put("myDocsAndMedia", false);
        body.put("apiAccess", false);
        body.put("apiKeysVisible", false);
        body.put("aiGatewayVisible", false);
        body.put("showPricing", false);
        return body;
    }
}
