package io.ledgerline.gateway.customerkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.rating.ModelCatalogue;
import io.ledgerline.contracts.rating.Rating;
import io.ledgerline.contracts.usage.UsageRecorded.CustomerBilling;
import io.ledgerline.gateway.support.GatewayTestBase;
import io.ledgerline.gateway.support.TopicReader;
import io.ledgerline.testsupport.TestKafka;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** Customer self-service keys (R8), their partner deposit and suspension (R9), settings (R12). */
class SelfServiceKeysTest extends GatewayTestBase {

    static final String TOP_UP_HINT = "top up credits in Billing";

    @Test
    void R12_self_service_settings_gate_key_creation_for_new_and_existing_customers() {
        var partnerId = newPartner("GROWTH", 10_000);
        var settingsPath = "/api/v1/partners/" + partnerId + "/gateway-settings";
        var defaults = api.get(settingsPath).body();
        assertThat(defaults.path("selfServiceEnabled").asBoolean()).isFalse();
        assertThat(defaults.path("defaultProfitMultiplierPercent").asLong()).isEqualTo(100);

        var existing = newCustomer(partnerId, 100L);
        assertThat(createKey(existing).body().path("code").asText())
                .isEqualTo("SELF_SERVICE_DISABLED");

        var updated =
                api.put(
                                settingsPath,
                                Map.of(
                                        "selfServiceEnabled",
                                        true,
                                        "applyToNewCustomers",
                                        true,
                                        "applyToExistingCustomers",
                                        false,
                                        "defaultProfitMultiplierPercent",
                                        200,
                                        "aiCreditPriceCents",
                                        "0.5"))
                        .body();
        assertThat(updated.path("aiCreditPriceUcr").asLong()).isEqualTo(Credits.parse("0.5").ucr());
        assertThat(api.get(settingsPath).body().path("defaultProfitMultiplierPercent").asLong())
                .isEqualTo(200);

        assertThat(createKey(existing).body().path("code").asText())
                .isEqualTo("SELF_SERVICE_DISABLED");
        var fresh = newCustomer(partnerId, 100L);
        var freshKey = createKey(fresh);
        assertThat(freshKey.status()).isEqualTo(201);
        assertThat(freshKey.body().path("profitMultiplierPercent").asLong()).isEqualTo(200);
        assertThat(freshKey.body().path("aiCreditPriceUcr").asLong())
                .isEqualTo(Credits.parse("0.5").ucr());

        api.put(settingsPath, Map.of("applyToExistingCustomers", true));
        assertThat(createKey(existing).status()).isEqualTo(201);
        api.put(settingsPath, Map.of("selfServiceEnabled", false));
        assertThat(createKey(fresh).body().path("code").asText())
                .isEqualTo("SELF_SERVICE_DISABLED");
    }

    @Test
    void R8_customer_keys_ask_only_name_and_models_and_pay_from_ai_credits() {
        var partnerId = selfServicePartner(5_000);
        var withoutAiCredits = newCustomer(partnerId, null);
        assertThat(createKey(withoutAiCredits).body().path("code").asText())
                .isEqualTo("AI_CREDITS_DISABLED");
        assertThat(createKey("nobody-here").status()).isEqualTo(404);

        var customerId = newCustomer(partnerId, 0L);
        var status = api.get("/api/v1/customers/" + customerId + "/gateway-status").body();
        assertThat(status.path("zeroBalance").asBoolean()).isTrue();
        assertThat(status.path("selfServiceAvailable").asBoolean()).isTrue();
        assertThat(
                        api.get("/api/v1/customers/" + withoutAiCredits + "/gateway-status")
                                .body()
                                .path("selfServiceAvailable")
                                .asBoolean())
                .isFalse();
        var created = createKey(customerId);
        assertThat(created.status()).isEqualTo(201);
        var keyId = created.body().path("keyId").asText();
        var secret = created.body().path("secret").asText();
        assertThat(secret).startsWith("llk_");
        assertThat(created.body().path("budgetUcr").isNull()).isTrue();
        var listed = api.get("/api/v1/customers/" + customerId + "/keys").body().get(0);
        assertThat(listed.path("secret").isNull()).isTrue();
        assertThat(
                        LEDGER.commandsTo("partner:" + partnerId + "/key-deposits").stream()
                                .filter(c -> c.body().path("keyId").asText().equals(keyId)))
                .hasSize(1);

        var atZero = chatWith(secret, "gpt-4o-mini", "hello there");
        assertThat(atZero.status()).isEqualTo(429);
        assertThat(atZero.body().at("/error/code").asText()).isEqualTo("insufficient_quota");
        assertThat(atZero.body().at("/error/message").asText()).contains(TOP_UP_HINT);

        FEED.addCustomerCredits(customerId, Credits.ofCredits(100));
        await().atMost(PROJECTION_WAIT)
                .until(
                        () ->
                                projection
                                        .customerAiBalance(customerId)
                                        .equals(Credits.ofCredits(100)));
        try (var usage = new TopicReader(TestKafka.bootstrapServers(), "usage.v1")) {
            var paid = chatWith(secret, "gpt-4o-mini", "hello there");
            assertThat(paid.status()).isEqualTo(200);
            var price = ModelCatalogue.standard().find("gpt-4o-mini").orElseThrow();
            // Two prompt words; the stub echoes max_tokens (8) words back.
            var expected =
                    Rating.customerCharge(
                            price,
                            2,
                            8,
                            new CustomerBilling(100, Credits.ofCredits(1), Credits.ZERO));
            assertThat(paid.header("x-ledgerline-cost-credits"))
                    .isEqualTo(expected.toDecimalString());
            var requestId = paid.header("x-request-id");
            await().atMost(PROJECTION_WAIT)
                    .until(
                            () ->
                                    usage.poll().stream()
                                            .anyMatch(event -> event.contains(requestId)));
            var event = usage.poll().stream().filter(e -> e.contains(requestId)).findFirst().get();
            assertThat(event)
                    .contains("\"customerId\":\"" + customerId + "\"")
                    .contains("\"keyId\":\"" + keyId + "\"")
                    .contains("\"tokensIn\":2");
        }
    }

    @Test
    void R9_self_service_keys_suspend_below_1000_partner_credits_and_resume_on_top_up() {
        var partnerId = selfServicePartner(3_000);
        var customerId = newCustomer(partnerId, 100L);
        var created = createKey(customerId).body();
        var keyId = created.path("keyId").asText();
        var secret = created.path("secret").asText();
        var partnerSecret =
                createPartnerKey(partnerId, partnerKey(100, "gpt-4o-mini")).path("secret").asText();
        // The deposit (1,000) and the partner key's budget (100) left 1,900 available.
        awaitPartnerAvailable(partnerId, Credits.ofCredits(1_900));
        assertThat(chatWith(secret, "gpt-4o-mini", "before").status()).isEqualTo(200);

        try (var statuses = new TopicReader(TestKafka.bootstrapServers(), "gateway.keys.v1")) {
            FEED.deductPartnerCredits(partnerId, Credits.ofCredits(1_000));
            await().atMost(PROJECTION_WAIT)
                    .until(() -> chatWith(secret, "gpt-4o-mini", "during").status() == 429);
            var refused = chatWith(secret, "gpt-4o-mini", "during");
            assertThat(refused.body().at("/error/message").asText()).contains(TOP_UP_HINT);
            assertThat(
                            api.get("/api/v1/customers/" + customerId + "/keys")
                                    .body()
                                    .get(0)
                                    .path("status")
                                    .asText())
                    .isEqualTo("SUSPENDED");
            assertThat(chatWith(partnerSecret, "gpt-4o-mini", "partner keys keep working").status())
                    .isEqualTo(200);
            await().atMost(PROJECTION_WAIT)
                    .until(
                            () ->
                                    statuses.poll().stream()
                                            .anyMatch(
                                                    e ->
                                                            e.contains(keyId)
                                                                    && e.contains(
                                                                            "\"SUSPENDED\"")));

            FEED.addPartnerCredits(partnerId, Credits.ofCredits(500));
            await().atMost(PROJECTION_WAIT)
                    .until(() -> chatWith(secret, "gpt-4o-mini", "after").status() == 200);
            await().atMost(PROJECTION_WAIT)
                    .until(
                            () ->
                                    statuses.poll().stream()
                                            .anyMatch(
                                                    e ->
                                                            e.contains(keyId)
                                                                    && e.contains(
                                                                            "partner reserve restored")));
        }
    }

    @Test
    void R8_revoking_a_self_service_key_releases_its_deposit() {
        var partnerId = selfServicePartner(3_000);
        var customerId = newCustomer(partnerId, 10L);
        var created = createKey(customerId).body();
        var keyId = created.path("keyId").asText();
        awaitPartnerAvailable(partnerId, Credits.ofCredits(2_000));
        var revoked =
                api.post(
                        "/api/v1/customers/" + customerId + "/keys/" + keyId + "/revoke",
                        Map.of("commandId", unique("rev")));
        assertThat(revoked.body().path("status").asText()).isEqualTo("REVOKED");
        assertThat(LEDGER.commandsTo("/reservations/key-deposit-" + keyId + "/release")).hasSize(1);
        awaitPartnerAvailable(partnerId, Credits.ofCredits(3_000));
        assertThat(chatWith(created.path("secret").asText(), "gpt-4o-mini", "hi").status())
                .isEqualTo(401);
    }

    private io.ledgerline.gateway.support.Api.Reply createKey(String customerId) {
        return api.post(
                "/api/v1/customers/" + customerId + "/keys",
                Map.of(
                        "commandId",
                        unique("self"),
                        "name",
                        "My app",
                        "allowedModels",
                        List.of("gpt-4o-mini")));
    }
}
