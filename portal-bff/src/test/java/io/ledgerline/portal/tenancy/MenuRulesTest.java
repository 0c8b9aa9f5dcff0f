package io.ledgerline.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.portal.support.PortalTestBase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

class MenuRulesTest extends PortalTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"bistro@demo.ledgerline", "cornershop@demo.ledgerline"})
    void R1_customer_menu_always_has_dashboard_detailed_usage_conversations_settings(String email) {
        var labels = menu(email);

        assertThat(labels).contains("Dashboard", "Detailed Usage", "Conversations", "Settings");
    }

    @Test
    void R3_billing_and_payments_shows_for_a_customer_with_portal_access() {
        assertThat(menu("cornershop@demo.ledgerline")).contains("Billing & Payments");
    }

    @Test
    void R5_ai_gateway_menu_shows_for_a_customer_with_ai_credits_enabled() {
        var me = signedIn("bistro@demo.ledgerline").get("/api/portal/me").body();

        assertThat(me.path("aiCreditsEnabled").asBoolean()).isTrue();
        assertThat(me.path("aiGatewayAvailable").asBoolean()).isTrue();
        assertThat(menu("bistro@demo.ledgerline")).contains("AI Gateway");
    }

    @Test
    void R5_no_ai_gateway_menu_without_ai_credits() {
        assertThat(menu("cornershop@demo.ledgerline")).doesNotContain("AI Gateway");
    }

    @Test
    void R5_no_ai_gateway_menu_while_the_partner_self_service_toggle_is_off() {
        DOWNSTREAM.selfService("acme", false);

        assertThat(menu("bistro@demo.ledgerline"))
                .doesNotContain("AI Gateway")
                .contains("Dashboard", "Detailed Usage", "Conversations", "Settings");
    }

    @Test
    void R8_gateway_keys_are_refused_to_a_customer_without_ai_credits() {
        var reply = signedIn("cornershop@demo.ledgerline").get("/api/portal/gateway/keys");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("AI_GATEWAY_NOT_AVAILABLE");
    }

    @Test
    void partner_menu_has_dashboard_customers_ai_gateway_billing_and_for_an_owner_team_and_audit() {
        assertThat(menu("acme@demo.ledgerline"))
                .containsExactly(
                        "Dashboard",
                        "Customers",
                        "AI Gateway",
                        "Billing",
                        "Customer Credit Plans",
                        "Team",
                        "Audit Log");
    }

    @Test
    void R7_a_partner_member_without_settings_permission_sees_dashboard_and_customers_only() {
        assertThat(menu("acme-member@demo.ledgerline")).containsExactly("Dashboard", "Customers");
    }

    private List<String> menu(String email) {
        var me = signedIn(email).get("/api/portal/me").body();
        return me.path("menu").findValuesAsText("label");
    }
}
