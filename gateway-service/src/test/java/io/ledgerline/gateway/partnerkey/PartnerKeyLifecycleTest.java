package io.ledgerline.gateway.partnerkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.rating.ModelCatalogue;
import io.ledgerline.contracts.rating.Rating;
import io.ledgerline.contracts.usage.UsageRecorded.CustomerBilling;
import io.ledgerline.gateway.support.GatewayTestBase;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Partner-created keys (R10) and their lifecycle (R11), against the in-test ledger double. */
class PartnerKeyLifecycleTest extends GatewayTestBase {

    static final ModelCatalogue CATALOGUE = ModelCatalogue.standard();

    @Test
    void R10_partner_key_reserves_budget_plus_tier_fee_with_models_filtered_by_tier() {
        var partnerId = newPartner("GROWTH", 100_000);
        var keys = "/api/v1/partners/" + partnerId + "/keys";

        var preview =
                api.post(
                                keys + "/budget-preview",
                                Map.of("budgetUcr", Credits.ofCredits(1_000).ucr()))
                        .body();
        assertThat(preview.path("platformFeeUcr").asLong()).isEqualTo(Credits.ofCredits(50).ucr());
        assertThat(preview.path("totalUcr").asLong()).isEqualTo(Credits.ofCredits(1_050).ucr());

        var models = api.get("/api/v1/partners/" + partnerId + "/models").body();
        assertThat(models.findValuesAsText("model"))
                .contains("gpt-4o-mini", "gpt-4.1-mini")
                .doesNotContain("gpt-4o", "gpt-4.1");
        var premium = api.post(keys, partnerKey(1_000, "gpt-4.1"));
        assertThat(premium.status()).isEqualTo(422);
        assertThat(premium.header("content-type")).startsWith("application/problem+json");
        assertThat(premium.body().path("code").asText()).isEqualTo("MODEL_NOT_IN_TIER");

        var customerId = newCustomer(partnerId, 0L);
        var body = partnerKey(1_000, "gpt-4o-mini", "gpt-4.1-mini");
        body.put(
                "customerBilling",
                Map.of(
                        "customerId",
                        customerId,
                        "profitMultiplierPercent",
                        150,
                        "aiCreditPriceCents",
                        "2",
                        "minCostFloorPerMillionTokensUcr",
                        0));
        body.put("autoTopUp", Map.of("thresholdUsdCents", 500, "amountUsdCents", 2_000));
        body.put("allowedDomains", List.of("Example.com"));
        body.put("requestsPerMinute", 60);
        body.put("tokensPerMinute", 100_000);
        body.put("expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        var key = createPartnerKey(partnerId, body);

        var keyId = key.path("keyId").asText();
        var secret = key.path("secret").asText();
        assertThat(secret).startsWith("llk_");
        assertThat(key.path("prefix").asText()).isEqualTo(secret.substring(0, 10) + "…");
        assertThat(key.path("budgetUcr").asLong()).isEqualTo(Credits.ofCredits(1_000).ucr());
        assertThat(key.path("remainingUcr").asLong()).isEqualTo(Credits.ofCredits(1_000).ucr());
        assertThat(key.path("platformFeeUcr").asLong()).isEqualTo(Credits.ofCredits(50).ucr());
        assertThat(key.path("allowedDomains").get(0).asText()).isEqualTo("example.com");
        assertThat(key.path("profitMultiplierPercent").asLong()).isEqualTo(150);
        assertThat(key.at("/autoTopUp/amountCents").asLong()).isEqualTo(2_000);

        var reservation =
                LEDGER.commandsTo("/reservations").stream()
                        .filter(c -> c.body().path("reservationId").asText().equals("key-" + keyId))
                        .toList();
        assertThat(reservation).hasSize(1);
        assertThat(reservation.get(0).path())
                .isEqualTo("/api/v1/accounts/partner:" + partnerId + "/reservations");
        assertThat(reservation.get(0).body().path("amountUcr").asLong())
                .isEqualTo(Credits.ofCredits(1_050).ucr());
        var fee = LEDGER.commandsTo("key-" + keyId + "/settlements");
        assertThat(fee.get(0).body().path("amountUcr").asLong())
                .isEqualTo(Credits.ofCredits(50).ucr());
        awaitPartnerAvailable(partnerId, Credits.ofCredits(100_000 - 1_050));
        assertThat(api.get(keys + "/" + keyId).body().path("spentUcr").asLong()).isZero();
    }

    @Test
    void R10_billing_preview_uses_the_rating_functions() {
        var partnerId = newPartner("SCALE", 10);
        var preview =
                api.post(
                                "/api/v1/partners/" + partnerId + "/keys/billing-preview",
                                Map.of(
                                        "model",
                                        "gpt-4o-mini",
                                        "tokensIn",
                                        1_000_000,
                                        "tokensOut",
                                        1_000_000,
                                        "profitMultiplierPercent",
                                        150,
                                        "aiCreditPriceCents",
                                        "2"))
                        .body();
        var price = CATALOGUE.find("gpt-4o-mini").orElseThrow();
        assertThat(preview.path("platformCostUcr").asLong())
                .isEqualTo(Rating.platformCost(price, 1_000_000, 1_000_000).ucr());
        assertThat(preview.path("customerChargeAiUcr").asLong())
                .isEqualTo(
                        Rating.customerCharge(
                                        price,
                                        1_000_000,
                                        1_000_000,
                                        new CustomerBilling(
                                                150, Credits.ofCredits(2), Credits.ZERO))
                                .ucr());
    }

    @Test
    void R10_bad_input_is_a_problem_and_reserves_nothing() {
        var partnerId = newPartner("SCALE", 1_000);
        var keys = "/api/v1/partners/" + partnerId + "/keys";
        var before = LEDGER.commands().size();

        var negative = partnerKey(10, "gpt-4o-mini");
        negative.put("budgetUcr", -5);
        var notPositive = api.post(keys, negative);
        assertThat(notPositive.status()).isEqualTo(422);
        assertThat(notPositive.body().path("code").asText()).isEqualTo("AMOUNT_MUST_BE_POSITIVE");
        assertThat(notPositive.body().path("field").asText()).isEqualTo("budgetUcr");
        assertThat(notPositive.body().path("instance").asText()).isEqualTo(keys);
        var stranger = partnerKey(10, "gpt-4o-mini");
        stranger.put("customerBilling", Map.of("customerId", "nobody", "aiCreditPriceCents", "1"));
        var unknownCustomer = api.post(keys, stranger);
        assertThat(unknownCustomer.status()).isEqualTo(404);
        assertThat(unknownCustomer.body().path("code").asText()).isEqualTo("CUSTOMER_NOT_FOUND");
        assertThat(api.post(keys, partnerKey(10, "gpt-5-imaginary")).body().path("code").asText())
                .isEqualTo("MODEL_NOT_FOUND");
        var broken = api.post(keys, "{broken");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body().path("code").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(LEDGER.commands()).hasSize(before);

        var tooBig = api.post(keys, partnerKey(5_000, "gpt-4o-mini"));
        assertThat(tooBig.status()).isEqualTo(402);
        assertThat(tooBig.body().path("code").asText()).isEqualTo("INSUFFICIENT_CREDITS");
        assertThat(api.get(keys).body()).isEmpty();
    }

    @Test
    void R10_creation_is_idempotent_on_the_command_id() {
        var partnerId = newPartner("SCALE", 1_000);
        var keys = "/api/v1/partners/" + partnerId + "/keys";
        var body = partnerKey(10, "gpt-4o-mini");
        var first = createPartnerKey(partnerId, body);
        var again = api.post(keys, body);
        assertThat(again.body().path("keyId").asText()).isEqualTo(first.path("keyId").asText());
        assertThat(
                        again.body().path("secret").isMissingNode()
                                || again.body().path("secret").isNull())
                .isTrue();
        assertThat(
                        LEDGER.commandsTo("/reservations").stream()
                                .filter(
                                        c ->
                                                c.body()
                                                        .path("reservationId")
                                                        .asText()
                                                        .equals(
                                                                "key-"
                                                                        + first.path("keyId")
                                                                                .asText())))
                .hasSize(1);
        body.put("name", "another name");
        var conflict = api.post(keys, body);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body().path("code").asText())
                .isEqualTo("EXISTS_WITH_DIFFERENT_PAYLOAD");
    }

    @Test
    void R11_list_top_up_regenerate_and_revoke_refunding_the_unused_reserve() {
        var partnerId = newPartner("STARTER", 10_000);
        var keys = "/api/v1/partners/" + partnerId + "/keys";
        var created = createPartnerKey(partnerId, partnerKey(100, "gpt-4o-mini"));
        var keyId = created.path("keyId").asText();
        var oldSecret = created.path("secret").asText();

        var used = chatWith(oldSecret, "gpt-4o-mini", "count these four words");
        assertThat(used.status()).isEqualTo(200);
        var cost = Credits.parse(used.header("x-ledgerline-cost-credits"));
        assertThat(cost.isPositive()).isTrue();
        // Billing would settle the usage from the key's reservation; the ledger double does it
        // here.
        FEED.settle(partnerId, "key-" + keyId, cost, used.header("x-request-id"), "bill-1");

        await().atMost(PROJECTION_WAIT)
                .untilAsserted(
                        () -> {
                            var row = api.get(keys).body().get(0);
                            assertThat(row.path("name").asText())
                                    .isEqualTo(created.path("name").asText());
                            assertThat(row.path("prefix").asText())
                                    .isEqualTo(oldSecret.substring(0, 10) + "…");
                            assertThat(row.path("status").asText()).isEqualTo("ACTIVE");
                            assertThat(row.path("budgetUcr").asLong())
                                    .isEqualTo(Credits.ofCredits(100).ucr());
                            assertThat(row.path("spentUcr").asLong()).isEqualTo(cost.ucr());
                            assertThat(row.path("allowedModels").get(0).asText())
                                    .isEqualTo("gpt-4o-mini");
                            assertThat(row.path("lastUsedAt").isNull()).isFalse();
                            assertThat(row.has("secret") && !row.path("secret").isNull()).isFalse();
                        });

        var toppedUp =
                api.post(
                        keys + "/" + keyId + "/top-ups",
                        Map.of(
                                "commandId",
                                unique("top"),
                                "amountUcr",
                                Credits.ofCredits(50).ucr()));
        assertThat(toppedUp.body().path("budgetUcr").asLong())
                .isEqualTo(Credits.ofCredits(150).ucr());

        var regenerated =
                api.post(keys + "/" + keyId + "/regenerate", Map.of("commandId", unique("regen")))
                        .body();
        var newSecret = regenerated.path("secret").asText();
        assertThat(newSecret).startsWith("llk_").isNotEqualTo(oldSecret);
        assertThat(chatWith(oldSecret, "gpt-4o-mini", "hi").status()).isEqualTo(401);
        assertThat(chatWith(newSecret, "gpt-4o-mini", "hi").status()).isEqualTo(200);

        var revoked = api.post(keys + "/" + keyId + "/revoke", Map.of("commandId", unique("rev")));
        assertThat(revoked.body().path("status").asText()).isEqualTo("REVOKED");
        assertThat(
                        LEDGER.commandsTo("/reservations/key-" + keyId).stream()
                                .filter(c -> c.path().endsWith("/release")))
                .hasSize(2);
        // Everything but the settled usage came back to the partner: the unused reserve exactly.
        assertThat(FEED.balanceOf(LedgerAccounts.partnerAvailable(partnerId)))
                .isEqualTo(Credits.ofCredits(10_000).minus(cost));
        assertThat(FEED.unbalancedLedgers()).isEmpty();

        var refused = chatWith(newSecret, "gpt-4o-mini", "hi");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().at("/error/message").asText()).contains("revoked");
        assertThat(api.get(keys).body()).isEmpty();
        assertThat(api.get(keys + "?includeRevoked=true").body().get(0).path("status").asText())
                .isEqualTo("REVOKED");
        var again = api.post(keys + "/" + keyId + "/revoke", Map.of("commandId", unique("rev")));
        assertThat(again.body().path("code").asText()).isEqualTo("KEY_REVOKED");
        var regenerateRevoked =
                api.post(keys + "/" + keyId + "/regenerate", Map.of("commandId", unique("regen")));
        assertThat(regenerateRevoked.status()).isEqualTo(409);
        assertThat(regenerateRevoked.body().path("code").asText()).isEqualTo("KEY_REVOKED");
    }

    @Test
    void R11_expired_keys_are_refused() {
        var partnerId = newPartner("STARTER", 1_000);
        var body = partnerKey(10, "gpt-4o-mini");
        body.put("expiresAt", Instant.now().plusMillis(1_500).toString());
        var created = createPartnerKey(partnerId, body);
        var secret = created.path("secret").asText();
        try (var statuses =
                new io.ledgerline.gateway.support.TopicReader(
                        io.ledgerline.testsupport.TestKafka.bootstrapServers(),
                        "gateway.keys.v1")) {
            await().atMost(PROJECTION_WAIT)
                    .until(() -> chatWith(secret, "gpt-4o-mini", "hi").status() == 401);
            assertThat(chatWith(secret, "gpt-4o-mini", "hi").body().at("/error/message").asText())
                    .contains("expired");
            assertThat(
                            api.get("/api/v1/partners/" + partnerId + "/keys")
                                    .body()
                                    .get(0)
                                    .path("status")
                                    .asText())
                    .isEqualTo("EXPIRED");
            await().atMost(PROJECTION_WAIT)
                    .until(
                            () ->
                                    statuses.poll().stream()
                                            .anyMatch(
                                                    e ->
                                                            e.contains(
                                                                            created.path("keyId")
                                                                                    .asText())
                                                                    && e.contains("\"EXPIRED\"")));
        }
    }
}
