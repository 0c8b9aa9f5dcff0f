package io.ledgerline.systemtests.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.systemtests.support.EventStore;
import io.ledgerline.systemtests.support.GatewayApi;
import io.ledgerline.systemtests.support.LedgerApi;
import io.ledgerline.systemtests.support.RunningStack;
import io.ledgerline.systemtests.support.Tenants;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** R11 on the real stack: revoking a partner key refunds exactly its unused reserve. */
class KeyRevocationSystemTest {

    private static final String MODEL = "gpt-4o-mini";
    private static final int REQUESTS = 5;
    private static final Duration BILLING_WAIT = Duration.ofSeconds(60);

    private final RunningStack stack = RunningStack.get();
    private final LedgerApi ledger = stack.ledgerApi();
    private final GatewayApi gateway = stack.gatewayApi();
    private final Tenants tenants = new Tenants(stack);

    @Test
    void R11_revoking_a_partner_key_releases_its_unused_reserve_to_the_partner() {
        // GROWTH: 5 % platform fee on the budget, settled from the reservation at creation.
        var partnerId = tenants.partner("GROWTH", 1_000);
        var partner = "partner:" + partnerId;
        var budget = Credits.ofCredits(100);
        var created = tenants.partnerKey(partnerId, budget, List.of(MODEL));
        var keyId = GatewayApi.keyIdOf(created);
        var secret = GatewayApi.secretOf(created);
        var reserveAccount = "partner/" + partnerId + "/reserve/key-" + keyId;

        var requestIds = new ArrayList<String>();
        var spent = Credits.ZERO;
        for (int i = 0; i < REQUESTS; i++) {
            var reply = gateway.chat(secret, MODEL, "question " + i, 16);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            requestIds.add(reply.header(GatewayApi.REQUEST_ID));
            spent = spent.plus(Credits.parse(reply.header(GatewayApi.COST)));
        }
        var store = new EventStore(stack);
        await().atMost(BILLING_WAIT)
                .untilAsserted(
                        () ->
                                assertThat(store.chargesByUsageId())
                                        .containsAllEntriesOf(
                                                requestIds.stream()
                                                        .collect(
                                                                java.util.stream.Collectors.toMap(
                                                                        id -> id, id -> 1L))));
        var unused = budget.minus(spent);
        await().atMost(BILLING_WAIT)
                .until(() -> ledger.balanceOf(partner, reserveAccount), unused::equals);
        var availableBefore = ledger.spendable(partner);
        // 1,000 - (budget 100 + 5 % fee).
        assertThat(availableBefore).isEqualTo(Credits.ofCredits(895));

        var revoked = gateway.revokePartnerKey(partnerId, keyId);

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.body().path("status").asText()).isEqualTo("REVOKED");
        await().atMost(BILLING_WAIT)
                .untilAsserted(
                        () -> {
                            assertThat(ledger.balanceOf(partner, reserveAccount))
                                    .isEqualTo(Credits.ZERO);
                            assertThat(ledger.spendable(partner))
                                    .isEqualTo(availableBefore.plus(unused));
                            assertThat(ledger.history(partner).body().path("rows"))
                                    .anySatisfy(
                                            row -> {
                                                assertThat(row.path("type").asText())
                                                        .isEqualTo("Released");
                                                assertThat(Math.abs(row.path("amountUcr").asLong()))
                                                        .isEqualTo(unused.ucr());
                                            });
                        });
        assertThat(ledger.ledgerSumUcr("PLATFORM")).isZero();
        assertThat(gateway.chat(secret, MODEL, "after revoke", 16).status()).isEqualTo(401);
    }
}
