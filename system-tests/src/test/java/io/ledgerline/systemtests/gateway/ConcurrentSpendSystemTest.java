package io.ledgerline.systemtests.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.systemtests.support.EventStore;
import io.ledgerline.systemtests.support.GatewayApi;
import io.ledgerline.systemtests.support.JsonHttp;
import io.ledgerline.systemtests.support.LedgerApi;
import io.ledgerline.systemtests.support.RunningStack;
import io.ledgerline.systemtests.support.Tenants;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * 200 requests at once on a partner key whose budget covers only some of them. The gateway's README
 * documents the bound: for partner keys overspend is zero while the upstream honours {@code
 * max_tokens} (the stub does). Afterwards the gateway, the response headers and the ledger agree on
 * what was spent (drift 0).
 */
class ConcurrentSpendSystemTest {

    private static final int REQUESTS = 200;
    private static final String MODEL = "gpt-4o-mini";

    /** Enough for a few dozen of these small requests, not for 200. */
    private static final Credits BUDGET = Credits.parse("0.05");

    private static final Duration SETTLE_WAIT = Duration.ofSeconds(90);

    private final RunningStack stack = RunningStack.get();
    private final LedgerApi ledger = stack.ledgerApi();
    private final GatewayApi gateway = stack.gatewayApi();
    private final Tenants tenants = new Tenants(stack);

    @Test
    void spend_of_200_concurrent_requests_never_exceeds_the_key_budget_and_drift_is_zero() {
        var partnerId = tenants.partner("STARTER", 100);
        var created = tenants.partnerKey(partnerId, BUDGET, List.of(MODEL));
        var keyId = GatewayApi.keyIdOf(created);

        var replies = allAtOnce(GatewayApi.secretOf(created));

        var accepted = replies.stream().filter(r -> r.status() == 200).toList();
        var refused = replies.stream().filter(r -> r.status() != 200).toList();
        assertThat(accepted).isNotEmpty();
        assertThat(refused)
                .as("the budget must run out")
                .isNotEmpty()
                .allSatisfy(
                        reply -> {
                            assertThat(reply.status()).as(reply.toString()).isEqualTo(429);
                            assertThat(reply.body().at("/error/code").asText())
                                    .isEqualTo("insufficient_quota");
                        });
        var spent =
                accepted.stream()
                        .map(r -> Credits.parse(r.header(GatewayApi.COST)))
                        .reduce(Credits.ZERO, Credits::plus);
        assertThat(spent).as("spent").isLessThanOrEqualTo(BUDGET);

        var requestIds = accepted.stream().map(r -> r.header(GatewayApi.REQUEST_ID)).toList();
        var store = new EventStore(stack);
        await().atMost(SETTLE_WAIT)
                .untilAsserted(
                        () -> {
                            var charges = store.chargesByUsageId();
                            assertThat(requestIds)
                                    .allSatisfy(
                                            id ->
                                                    assertThat(charges.getOrDefault(id, 0L))
                                                            .as(id)
                                                            .isEqualTo(1L));
                        });
        var reserve = "partner/" + partnerId + "/reserve/key-" + keyId;
        await().atMost(SETTLE_WAIT)
                .untilAsserted(
                        () -> {
                            assertThat(ledger.balanceOf("partner:" + partnerId, reserve))
                                    .isEqualTo(BUDGET.minus(spent));
                            var view = gateway.partnerKey(partnerId, keyId).body();
                            assertThat(view.path("spentUcr").asLong()).isEqualTo(spent.ucr());
                            assertThat(view.path("remainingUcr").asLong())
                                    .isEqualTo(BUDGET.minus(spent).ucr());
                        });
        assertThat(ledger.ledgerSumUcr("PLATFORM")).isZero();
    }

    private List<JsonHttp.Reply> allAtOnce(String secret) {
        var pool = Executors.newFixedThreadPool(REQUESTS);
        var start = new CountDownLatch(1);
        try {
            var calls =
                    IntStream.range(0, REQUESTS)
                            .mapToObj(
                                    i ->
                                            CompletableFuture.supplyAsync(
                                                    () -> {
                                                        awaitQuietly(start);
                                                        return gateway.chat(
                                                                secret,
                                                                MODEL,
                                                                "concurrent request " + i,
                                                                16);
                                                    },
                                                    pool))
                            .toList();
            start.countDown();
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
