package io.ledgerline.ledger.writer;

import static io.ledgerline.ledger.api.LedgerApiClient.newId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.command.MeterUsage;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.ledger.api.LedgerApiClient;
import io.ledgerline.testsupport.LedgerlineIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many clients spending from one account at once never overdraw it, and the accepted spends add up
 * exactly to the drop in balance: nothing lost, nothing counted twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
class ConcurrentDeductionTest {

    static final int THREADS = 50;
    static final int SPENDS_PER_THREAD = 6;

    @Autowired TestRestTemplate http;

    @Autowired LedgerWriter writer;

    @Test
    void fifty_threads_deducting_never_take_a_partner_below_zero() throws Exception {
        var api = new LedgerApiClient(http);
        long start = 100_000_000L;
        var partner = api.openFundedPartner(start);
        var accepted = new AtomicLong();
        var refused = new AtomicLong();

        runConcurrently(
                () -> {
                    for (int i = 0; i < SPENDS_PER_THREAD; i++) {
                        long amount = 300_000 + i * 77_777L;
                        var response = api.deduct("partner:" + partner, amount, "correction");
                        if (response.getStatusCode().value() == 200) {
                            accepted.addAndGet(amount);
                        } else {
                            assertThat(response.getBody())
                                    .containsEntry("code", "INSUFFICIENT_CREDITS");
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                });

        assertThat(refused.get())
                .as("the account ran dry, so some deductions were refused")
                .isPositive();
        awaitSpendable(api, "partner:" + partner, start - accepted.get());
        assertThat(start - accepted.get()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void fifty_threads_metering_usage_stay_within_the_customers_grace_allowance() throws Exception {
        var api = new LedgerApiClient(http);
        var partner = newId("p");
        var customer = newId("c");
        api.openPartner(partner);
        api.openCustomer(
                customer, partner, true); // 2 credits a minute, 30 s grace: 1 credit of overdraft
        long start = 5_000_000L;
        LedgerApiClient.expectOk(api.add("customer:" + customer, start, "package"));
        var accepted = new AtomicLong();

        runConcurrently(
                () -> {
                    for (int i = 0; i < SPENDS_PER_THREAD; i++) {
                        var result =
                                writer.submit(
                                                new MeterUsage(
                                                        newId("u"),
                                                        AccountId.customer(customer),
                                                        Credits.ofMicros(97_000),
                                                        newId("call"),
                                                        "call"))
                                        .get();
                        if (result.isPosted()) {
                            accepted.addAndGet(97_000);
                        }
                    }
                    return null;
                });

        long balance = start - accepted.get();
        assertThat(balance).as("usage went into the grace allowance").isNegative();
        assertThat(balance).as("but never beyond it").isGreaterThanOrEqualTo(-1_000_000L);
        awaitSpendable(api, "customer:" + customer, balance);
    }

    private static void awaitSpendable(LedgerApiClient api, String account, long expectedUcr) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> {
                            // Until the read side has seen the account, the answer is a 404
                            // problem.
                            var view = api.get("/accounts/" + account).getBody();
                            assertThat(view).containsKey("spendableUcr");
                            assertThat(((Number) view.get("spendableUcr")).longValue())
                                    .isEqualTo(expectedUcr);
                        });
    }

    private static void runConcurrently(Callable<Void> work) throws Exception {
        var pool = Executors.newFixedThreadPool(THREADS);
        try {
            var futures = new ArrayList<Future<Void>>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(work));
            }
            for (var future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
