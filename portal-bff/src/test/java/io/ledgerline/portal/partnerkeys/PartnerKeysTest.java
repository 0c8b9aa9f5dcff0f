package io.ledgerline.portal.partnerkeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.portal.support.PortalBrowser;
import io.ledgerline.portal.support.PortalTestBase;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class PartnerKeysTest extends PortalTestBase {

    private static final String KEYS = "/api/portal/partner/gateway/keys";

    @Test
    void
            R10_a_partner_key_is_created_with_budget_models_billing_and_limits_and_its_secret_shown_once() {
        var acme = signedIn("acme@demo.ledgerline");

        var created = acme.post(KEYS, fullKey("create-key-01", "customer:bistro"));
        var listed = acme.get(KEYS);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("secret").asText()).startsWith("llk_partner_secret_");
        var sent = onlyWrite();
        assertThat(sent.path()).isEqualTo("/api/v1/partners/acme/keys");
        assertThat(sent.actor()).isEqualTo("user:acme@demo.ledgerline@partner:acme");
        assertThat(sent.body().path("commandId").asText())
                .isEqualTo("portal-partner-acme-create-key-01");
        assertThat(sent.body().path("budgetUcr").asLong()).isEqualTo(250_000_000L);
        assertThat(sent.body().path("customerBilling").path("customerId").asText())
                .isEqualTo("bistro");
        assertThat(sent.body().path("customerBilling").path("aiCreditPriceCents").asText())
                .isEqualTo("1.5");
        assertThat(sent.body().path("autoTopUp").path("amountUsdCents").asLong()).isEqualTo(5000);
        assertThat(sent.body().path("allowedDomains").get(0).asText()).isEqualTo("example.com");
        assertThat(sent.body().path("requestsPerMinute").asInt()).isEqualTo(60);
        assertThat(listed.body().findValuesAsText("name")).contains("Website bot", "Support bot");
        assertThat(listed.body()).allMatch(key -> !key.hasNonNull("secret"));
    }

    @Test
    void R10_the_budget_preview_shows_the_tier_fee_and_total_before_creation() {
        var preview =
                signedIn("acme@demo.ledgerline")
                        .post(
                                "/api/portal/partner/gateway/budget-preview",
                                Map.of("budgetUcr", 100_000_000L));

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body().path("platformFeeUcr").asLong()).isEqualTo(10_000_000L);
        assertThat(preview.body().path("totalUcr").asLong()).isEqualTo(110_000_000L);
        assertThat(DOWNSTREAM.received().get(0).path())
                .isEqualTo("/api/v1/partners/acme/keys/budget-preview");
    }

    @Test
    void R10_a_key_billing_another_partners_customer_is_refused_and_nothing_is_created() {
        var reply =
                signedIn("acme@demo.ledgerline")
                        .post(KEYS, fullKey("create-key-02", "customer:harbor"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("TENANT_FORBIDDEN");
        assertThat(DOWNSTREAM.received()).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void R11_top_up_regenerate_and_revoke_reach_the_gateway_for_the_partners_own_key() {
        var acme = signedIn("acme@demo.ledgerline");
        var key = KEYS + "/pk-acme-1";

        var toppedUp =
                acme.post(
                        key + "/top-ups",
                        Map.of("commandId", "top-up-01", "amountUcr", 50_000_000L));
        var regenerated = acme.post(key + "/regenerate", Map.of("commandId", "regenerate-01"));
        var revoked = acme.post(key + "/revoke", Map.of("commandId", "revoke-key-01"));

        assertThat(toppedUp.body().path("budgetUcr").asLong()).isEqualTo(150_000_000L);
        assertThat(regenerated.body().path("secret").asText())
                .isEqualTo("llk_regenerated_pk-acme-1");
        assertThat(revoked.body().path("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.body().path("remainingUcr").asLong()).isZero();
        assertThat(DOWNSTREAM.received())
                .filteredOn(r -> r.method().equals("POST"))
                .extracting(r -> r.path())
                .containsExactly(
                        "/api/v1/partners/acme/keys/pk-acme-1/top-ups",
                        "/api/v1/partners/acme/keys/pk-acme-1/regenerate",
                        "/api/v1/partners/acme/keys/pk-acme-1/revoke");
        assertThat(acme.get(KEYS).body().findValuesAsText("status")).contains("REVOKED");
    }

    @Test
    void R11_another_partners_key_is_not_found_and_no_write_leaves_the_portal() {
        var reply =
                signedIn("acme@demo.ledgerline")
                        .post(KEYS + "/key-harbor/revoke", Map.of("commandId", "revoke-key-02"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("KEY_NOT_FOUND");
        assertThat(DOWNSTREAM.received()).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void R7_partner_keys_need_a_partner_session_with_the_settings_permission() {
        var member = signedIn("acme-member@demo.ledgerline");
        var customer = signedIn("bistro@demo.ledgerline");
        var signedOut = new PortalBrowser(port);
        DOWNSTREAM.forget();

        assertThat(member.get(KEYS).code()).isEqualTo("PERMISSION_REQUIRED");
        assertThat(member.post(KEYS, fullKey("create-key-03", "customer:bistro")).code())
                .isEqualTo("PERMISSION_REQUIRED");
        assertThat(
                        member.post(
                                        KEYS + "/pk-acme-1/revoke",
                                        Map.of("commandId", "revoke-key-03"))
                                .status())
                .isEqualTo(403);
        assertThat(customer.get(KEYS).code()).isEqualTo("PARTNER_ONLY");
        assertThat(customer.get("/api/portal/partner/gateway/models").code())
                .isEqualTo("PARTNER_ONLY");
        assertThat(signedOut.get(KEYS).status()).isEqualTo(401);
        assertThat(DOWNSTREAM.received()).isEmpty();
    }

    @Test
    void the_quick_start_names_the_gateways_public_base_url() {
        var reply = signedIn("acme@demo.ledgerline").get("/api/portal/partner/gateway/quick-start");

        assertThat(reply.body().path("baseUrl").asText()).endsWith("/v1");
    }

    private static Map<String, Object> fullKey(String commandId, String customer) {
        return Map.ofEntries(
                Map.entry("commandId", commandId),
                Map.entry("name", "Support bot"),
                Map.entry("description", "Answers support chats"),
                Map.entry("budgetUcr", 250_000_000L),
                Map.entry("allowedModels", List.of("gpt-4o-mini", "gpt-4o")),
                Map.entry(
                        "customerBilling",
                        Map.of(
                                "accountId",
                                customer,
                                "profitMultiplierPercent",
                                150,
                                "aiCreditPriceCents",
                                "1.5")),
                Map.entry("autoTopUp", Map.of("thresholdUsdCents", 1000, "amountUsdCents", 5000)),
                Map.entry("allowedDomains", List.of("example.com")),
                Map.entry("requestsPerMinute", 60),
                Map.entry("tokensPerMinute", 100_000),
                Map.entry("expiresAt", "2027-12-31T00:00:00Z"));
    }

    private static io.ledgerline.portal.support.FakeDownstream.Received onlyWrite() {
        var writes = DOWNSTREAM.received().stream().filter(r -> r.method().equals("POST")).toList();
        assertThat(writes).hasSize(1);
        return writes.get(0);
    }
}
