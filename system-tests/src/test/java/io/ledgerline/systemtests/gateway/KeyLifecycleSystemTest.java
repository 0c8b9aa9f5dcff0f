package io.ledgerline.systemtests.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.systemtests.support.GatewayApi;
import io.ledgerline.systemtests.support.LedgerApi;
import io.ledgerline.systemtests.support.RunningStack;
import io.ledgerline.systemtests.support.Tenants;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Partner keys and self-service settings through the gateway's API, checked in the ledger. */
class KeyLifecycleSystemTest {

    private static final String MODEL = "gpt-4o-mini";
    private static final Duration LEDGER_WAIT = Duration.ofSeconds(30);

    private final RunningStack stack = RunningStack.get();
    private final LedgerApi ledger = stack.ledgerApi();
    private final GatewayApi gateway = stack.gatewayApi();
    private final Tenants tenants = new Tenants(stack);

    @Test
    void R10_a_partner_key_takes_its_budget_plus_the_tier_fee_shown_before_creation() {
        var partnerId = tenants.partner("SCALE", 1_000);
        var preview =
                gateway.post(
                        "/api/v1/partners/" + partnerId + "/keys/budget-preview",
                        Map.of("budgetUcr", Credits.ofCredits(200).ucr()));
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        var total = Credits.ofMicros(preview.body().path("totalUcr").asLong());
        assertThat(total).isEqualTo(Credits.ofCredits(220));

        tenants.partnerKey(partnerId, Credits.ofCredits(200), List.of("gpt-4o"));

        await().atMost(LEDGER_WAIT)
                .until(
                        () -> ledger.spendable("partner:" + partnerId),
                        Credits.ofCredits(1_000).minus(total)::equals);
    }

    @Test
    void R10_a_model_outside_the_partners_tier_is_refused_and_nothing_is_reserved() {
        var partnerId = tenants.partner("STARTER", 1_000);

        var refused =
                gateway.createPartnerKey(partnerId, Credits.ofCredits(100), List.of("gpt-4o"));

        assertThat(refused.status()).as(refused.toString()).isBetween(400, 499);
        assertThat(refused.body().path("code").asText()).isNotBlank();
        assertThat(ledger.spendable("partner:" + partnerId)).isEqualTo(Credits.ofCredits(1_000));
    }

    @Test
    void R11_regenerate_refuses_the_old_secret_on_its_very_next_request() {
        var partnerId = tenants.partner("STARTER", 1_000);
        var created = tenants.partnerKey(partnerId, Credits.ofCredits(10), List.of(MODEL));
        var oldSecret = GatewayApi.secretOf(created);
        assertThat(gateway.chat(oldSecret, MODEL, "before", 8).status()).isEqualTo(200);

        var regenerated = gateway.regeneratePartnerKey(partnerId, GatewayApi.keyIdOf(created));

        assertThat(regenerated.status()).as(regenerated.toString()).isEqualTo(200);
        var newSecret = GatewayApi.secretOf(regenerated);
        assertThat(newSecret).isNotEqualTo(oldSecret);
        assertThat(gateway.chat(oldSecret, MODEL, "old", 8).status()).isEqualTo(401);
        assertThat(gateway.chat(newSecret, MODEL, "new", 8).status()).isEqualTo(200);
    }

    @Test
    void R12_self_service_keys_need_the_partners_toggle_and_the_customers_ai_credits() {
        var partnerId = tenants.partner("STARTER", 3_000);
        var customerId = tenants.customerWithAiCredits(partnerId, 10);
        var withoutAiCredits = Tenants.unique("c");
        ledger.openCustomer(withoutAiCredits, partnerId);
        gateway.configurePartner(partnerId, "STARTER", false);

        awaitRefusal(customerId, "SELF_SERVICE_DISABLED");
        gateway.configurePartner(partnerId, "STARTER", true);
        awaitRefusal(withoutAiCredits, "AI_CREDITS_DISABLED");

        assertThat(ledger.spendable("partner:" + partnerId)).isEqualTo(Credits.ofCredits(3_000));
        assertThat(tenants.selfServiceKey(customerId, List.of(MODEL)).status()).isEqualTo(201);
        await().atMost(LEDGER_WAIT)
                .until(
                        () -> ledger.spendable("partner:" + partnerId),
                        Credits.ofCredits(2_000)::equals);
    }

    /** Retried while the gateway's projection has not yet seen all of the customer's events. */
    private void awaitRefusal(String customerId, String code) {
        var commandId = Tenants.unique("refused");
        await().atMost(Tenants.PROJECTION_WAIT)
                .until(
                        () -> gateway.createCustomerKey(customerId, commandId, List.of(MODEL)),
                        reply ->
                                reply.status() == 409
                                        && code.equals(reply.body().path("code").asText()));
    }
}
