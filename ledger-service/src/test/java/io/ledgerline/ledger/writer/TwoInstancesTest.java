package io.ledgerline.ledger.writer;

import static io.ledgerline.ledger.api.LedgerApiClient.newId;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.command.AddCredits;
import io.ledgerline.contracts.ledger.command.DeductCredits;
import io.ledgerline.contracts.ledger.command.OpenAccount;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.ledger.LedgerApplication;
import io.ledgerline.testsupport.LedgerlineIntegrationTest;
import io.ledgerline.testsupport.RealInfrastructure;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two ledger instances over one event store, as a deployment may run them: both take commands for
 * the same account at once; optimistic concurrency plus a retry means the account is never
 * overdrawn and every accepted deduction is in the store exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
class TwoInstancesTest {

    static final int THREADS_PER_INSTANCE = 8;
    static final int DEDUCTIONS_PER_THREAD = 15;
    static ConfigurableApplicationContext second;

    @Autowired LedgerWriter first;

    @Autowired JdbcTemplate jdbc;

    @BeforeAll
    static void startSecondInstance() {
        second =
                new SpringApplicationBuilder(LedgerApplication.class)
                        .initializers(new RealInfrastructure())
                        .run("--server.port=0", "--spring.application.name=ledger-service-2");
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void two_instances_deducting_from_one_account_never_overdraw_it_or_lose_a_deduction()
            throws Exception {
        var partner = newId("p");
        var account = AccountId.partner(partner);
        first.submit(new OpenAccount(newId("o"), account, partner)).get();
        long start = 60_000_000L;
        first.submit(new AddCredits(newId("a"), account, Credits.ofMicros(start), "top-up")).get();
        var writers = List.of(first, second.getBean(LedgerWriter.class));
        var accepted = new AtomicLong();
        var acceptedCount = new AtomicLong();

        var pool = Executors.newFixedThreadPool(THREADS_PER_INSTANCE * writers.size());
        try {
            var work = new ArrayList<CompletableFuture<Void>>();
            for (var writer : writers) {
                for (int t = 0; t < THREADS_PER_INSTANCE; t++) {
                    work.add(
                            CompletableFuture.runAsync(
                                    () ->
                                            deductRepeatedly(
                                                    writer, account, accepted, acceptedCount),
                                    pool));
                }
            }
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdownNow();
        }

        var storedDeductions =
                jdbc.queryForObject(
                        "SELECT count(*) FROM ledger.domain_event_entry"
                                + " WHERE aggregate_identifier = ? AND payload_type LIKE '%CreditsDeducted'",
                        Long.class, account.value());
        assertThat(storedDeductions).isEqualTo(acceptedCount.get());
        assertThat(accepted.get()).isLessThanOrEqualTo(start);
        var probe =
                first.submit(new DeductCredits(newId("d"), account, Credits.ofMicros(1), "probe"))
                        .get();
        var remaining = start - accepted.get();
        if (remaining > 0) {
            assertThat(probe.balancesUcr().get("partner/" + partner + "/available"))
                    .isEqualTo(Credits.ofMicros(remaining - 1));
        } else {
            assertThat(probe.isPosted()).isFalse();
        }
    }

    private static void deductRepeatedly(
            LedgerWriter writer, AccountId account, AtomicLong accepted, AtomicLong acceptedCount) {
        for (int i = 0; i < DEDUCTIONS_PER_THREAD; i++) {
            var command =
                    new DeductCredits(newId("d"), account, Credits.ofMicros(250_000), "correction");
            var result =
                    writer.submit(command)
                            // A client whose call failed resends the same command id; it is applied
                            // at most once.
                            .exceptionallyCompose(failure -> writer.submit(command))
                            .join();
            if (result.isPosted()) {
                accepted.addAndGet(250_000);
                acceptedCount.incrementAndGet();
            }
        }
    }
}
