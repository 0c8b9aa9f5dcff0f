package io.ledgerline.systemtests.usage;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * Every request id through the gateway is charged exactly once in the ledger: no loss and no double
 * charge, also when billing-service is killed in the middle of a burst and started again, so Kafka
 * redelivers what it had consumed without committing.
 */
class ExactlyOnceSystemTest {

    private static final int REQUESTS = 60;
    private static final int BEFORE_KILL = 30;
    private static final int CHARGED_BEFORE_KILL = 3;
    private static final int CLIENT_THREADS = 6;
    private static final Duration SETTLE_WAIT = Duration.ofSeconds(180);
    private static final String MODEL = "gpt-4o-mini";

    private final RunningStack stack = RunningStack.get();
    private final LedgerApi ledger = stack.ledgerApi();
    private final GatewayApi gateway = stack.gatewayApi();
    private final Tenants tenants = new Tenants(stack);

    @Test
    void every_request_id_is_charged_exactly_once_when_billing_is_killed_mid_burst() {
        var partnerId = tenants.partner("STARTER", 5_000);
        var customerId = tenants.customerWithAiCredits(partnerId, 1_000);
        var secret = GatewayApi.secretOf(tenants.selfServiceKey(customerId, List.of(MODEL)));
        var store = new EventStore(stack);

        var replies = new ArrayList<>(burst(secret, 0, BEFORE_KILL));
        var firstIds = requestIdsOf(replies);
        // Kill billing while it is working through the first half: some charged, some not yet.
        await().atMost(SETTLE_WAIT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> charged(store, firstIds) >= CHARGED_BEFORE_KILL);
        stack.billing().kill();
        System.out.printf(
                "billing-service killed with %d of %d requests charged%n",
                charged(store, firstIds), BEFORE_KILL);
        replies.addAll(burst(secret, BEFORE_KILL, REQUESTS - BEFORE_KILL));
        stack.billing().start();
        stack.billing().awaitHealthy();

        assertThat(replies)
                .allSatisfy(
                        reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(200));
        var requestIds = requestIdsOf(replies);
        assertThat(new HashSet<>(requestIds)).as("distinct request ids").hasSize(REQUESTS);
        var spent =
                replies.stream()
                        .map(r -> Credits.parse(r.header(GatewayApi.COST)))
                        .reduce(Credits.ZERO, Credits::plus);
        await().atMost(SETTLE_WAIT)
                .untilAsserted(
                        () -> {
                            var charges = store.chargesByUsageId();
                            for (var requestId : requestIds) {
                                assertThat(charges.getOrDefault(requestId, 0L))
                                        .as("charges of " + requestId)
                                        .isEqualTo(1L);
                            }
                        });
        // The history and balances are the ledger's read side, which follows the event store.
        await().atMost(SETTLE_WAIT)
                .untilAsserted(
                        () -> {
                            assertThat(usedRows("customer:" + customerId)).isEqualTo(REQUESTS);
                            assertThat(ledger.spendable("customer:" + customerId))
                                    .isEqualTo(Credits.ofCredits(1_000).minus(spent));
                        });
        assertThat(ledger.ledgerSumUcr("PLATFORM")).isZero();
    }

    /** Sends {@code count} chat requests from a few client threads at once. */
    private List<JsonHttp.Reply> burst(String secret, int first, int count) {
        var pool = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            var calls =
                    IntStream.range(first, first + count)
                            .mapToObj(
                                    i ->
                                            CompletableFuture.supplyAsync(
                                                    () ->
                                                            gateway.chat(
                                                                    secret,
                                                                    MODEL,
                                                                    "request "
                                                                            + i
                                                                            + " of the burst",
                                                                    16),
                                                    pool))
                            .toList();
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }

    private static List<String> requestIdsOf(List<JsonHttp.Reply> replies) {
        return replies.stream().map(r -> r.header(GatewayApi.REQUEST_ID)).toList();
    }

    private static long charged(EventStore store, List<String> requestIds) {
        var charges = store.chargesByUsageId();
        return requestIds.stream().filter(charges::containsKey).count();
    }

    private long usedRows(String accountId) {
        var rows = ledger.history(accountId).body().path("rows");
        long used = 0;
        for (var row : rows) {
            if (row.path("type").asText().equals("Used")) {
                used++;
            }
        }
        return used;
    }
}
