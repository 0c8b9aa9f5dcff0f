package io.ledgerline.gateway.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.contracts.money.Credits;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The in-memory pre-authorisation, without Spring. */
class PotTest {

    @Test
    void two_hundred_concurrent_holds_never_exceed_the_budget() throws Exception {
        var budget = Credits.ofMicros(1_000_050);
        var pot = new Pot("key-k1", () -> budget);
        var each = Credits.ofMicros(20_000);
        var granted = new AtomicInteger();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(16);
        for (int i = 0; i < 200; i++) {
            pool.submit(
                    () -> {
                        start.await();
                        if (pot.tryHold(each)) {
                            granted.incrementAndGet();
                        }
                        return null;
                    });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(granted.get()).isEqualTo(50);
        assertThat(pot.held()).isEqualTo(each.times(50));
        assertThat(pot.peakCommitted().isGreaterThan(budget)).isFalse();
    }

    @Test
    void settle_keeps_the_real_cost_until_the_ledger_shows_it_and_release_frees_everything() {
        var ledger = new Credits[] {Credits.ofMicros(100)};
        var pot = new Pot("key-k2", () -> ledger[0]);
        var unbilled = new UnbilledCharges();
        var first = new Hold(pot, Credits.ofMicros(60), unbilled);
        assertThat(pot.tryHold(Credits.ofMicros(60))).isTrue();
        first.settle("req-1", Credits.ofMicros(25));
        first.release();
        assertThat(pot.held()).isEqualTo(Credits.ZERO);
        assertThat(pot.free()).isEqualTo(Credits.ofMicros(75));

        ledger[0] = Credits.ofMicros(75);
        unbilled.billed("req-1");
        unbilled.billed("req-1");
        assertThat(pot.free()).isEqualTo(Credits.ofMicros(75));
        assertThat(unbilled.size()).isZero();

        assertThat(pot.tryHold(Credits.ofMicros(75))).isTrue();
        assertThat(pot.tryHold(Credits.ofMicros(1))).isFalse();
        new Hold(pot, Credits.ofMicros(75), unbilled).release();
        assertThat(pot.free()).isEqualTo(Credits.ofMicros(75));
    }
}
