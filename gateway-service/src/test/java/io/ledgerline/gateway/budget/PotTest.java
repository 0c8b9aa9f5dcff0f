package io.ledgerline.gateway.budget;

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

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} µcr over {1} instances -> {2} each")
    @org.junit.jupiter.params.provider.CsvSource({
        "1000000, 1, 1000000",
        "1000000, 2, 500000",
        "1000000, 3, 333333",
        "1, 2, 0",
        "0, 3, 0",
        "-1, 2, -1",
        "-7, 3, -3"
    })
    void an_instance_share_is_the_headroom_divided_rounded_down(
            long headroomUcr, int instances, long shareUcr) {
        assertThat(Pot.shareOf(Credits.ofMicros(headroomUcr), instances))
                .isEqualTo(Credits.ofMicros(shareUcr));
    }

    @Test
    void an_instance_of_three_commits_at_most_a_third_of_the_headroom_and_sees_the_whole_pot() {
        var headroom = new Credits[] {Credits.ofMicros(1_000_000)};
        var pot = new Pot("key-k3", () -> headroom[0], 3);
        var unbilled = new UnbilledCharges();

        assertThat(pot.tryHold(Credits.ofMicros(333_334))).isFalse();
        assertThat(pot.tryHold(Credits.ofMicros(200_000))).isTrue();
        assertThat(pot.free()).isEqualTo(Credits.ofMicros(133_333));
        assertThat(pot.ledgerFree()).isEqualTo(Credits.ofMicros(800_000));
        new Hold(pot, Credits.ofMicros(200_000), unbilled)
                .settle("req-3", Credits.ofMicros(90_000));
        assertThat(pot.tryHold(Credits.ofMicros(243_334))).isFalse();
        assertThat(pot.tryHold(Credits.ofMicros(243_333))).isTrue();
        assertThat(pot.peakCommitted()).isEqualTo(Credits.ofMicros(333_333));

        // The ledger books the 90,000: the headroom shrinks by it and so does this pot's unbilled.
        headroom[0] = Credits.ofMicros(910_000);
        unbilled.billed("req-3");
        assertThat(pot.free()).isEqualTo(Credits.ofMicros(303_333 - 243_333));
    }

    @Test
    void three_instances_sharing_one_headroom_never_commit_more_than_it_together() {
        var headroom = Credits.ofMicros(1_000_000);
        var each = Credits.ofMicros(7_000);
        var committed = Credits.ZERO;
        for (int i = 0; i < 3; i++) {
            var pot = new Pot("key-k4", () -> headroom, 3);
            while (pot.tryHold(each)) {
                committed = committed.plus(each);
            }
            assertThat(pot.free().isLessThan(each)).isTrue();
        }
        assertThat(committed.isGreaterThan(headroom)).isFalse();
        // What is refused at the end is less than one hold per instance.
        assertThat(headroom.minus(committed).isLessThan(each.times(3))).isTrue();
    }

    @Test
    void an_instance_count_outside_its_limit_is_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new Pot("k", () -> Credits.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
