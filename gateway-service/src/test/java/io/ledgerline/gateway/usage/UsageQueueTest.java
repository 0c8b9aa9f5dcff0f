package io.ledgerline.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The queue as a plain object, with request threads adding while the writer takes. */
class UsageQueueTest {

    static final int PRODUCERS = 4;
    static final int EVENTS_PER_PRODUCER = 50_000;
    static final int TAKE_AT_MOST = 500;

    @Test
    void concurrent_adds_and_takes_lose_nothing_and_never_count_below_zero() throws Exception {
        var queue = new UsageQueue(Integer.MAX_VALUE, 64);
        var event = UsageEvents.event("req_queue_test");
        var start = new CountDownLatch(1);
        var producers = new ArrayList<Thread>();
        for (int p = 0; p < PRODUCERS; p++) {
            producers.add(
                    started(
                            () -> {
                                await(start);
                                for (int i = 0; i < EVENTS_PER_PRODUCER; i++) {
                                    queue.add(new UsageQueue.Pending("k", event));
                                }
                            }));
        }
        var taken = new AtomicInteger();
        var failure = new AtomicReference<Throwable>();
        var lowestHeld = new AtomicInteger(Integer.MAX_VALUE);
        int total = PRODUCERS * EVENTS_PER_PRODUCER;
        var writer =
                started(
                        () -> {
                            await(start);
                            try {
                                while (taken.get() < total) {
                                    var batch = queue.take(TAKE_AT_MOST);
                                    queue.stored(batch.size());
                                    taken.addAndGet(batch.size());
                                    lowestHeld.accumulateAndGet(queue.held(), Math::min);
                                }
                            } catch (RuntimeException e) {
                                failure.set(e);
                            }
                        });
        start.countDown();
        for (var producer : producers) {
            producer.join();
        }
        writer.join(60_000);

        assertThat(failure.get()).isNull();
        assertThat(taken.get()).isEqualTo(total);
        assertThat(queue.held()).isZero();
        assertThat(lowestHeld.get()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void refuses_new_requests_once_capacity_events_are_held() {
        var queue = new UsageQueue(3, 64);
        var event = UsageEvents.event("req_capacity");
        for (int i = 0; i < 3; i++) {
            assertThat(queue.accepting()).isTrue();
            queue.add(new UsageQueue.Pending("k", event));
        }
        assertThat(queue.accepting()).isFalse();
        queue.stored(queue.take(TAKE_AT_MOST).size());
        assertThat(queue.accepting()).isTrue();
    }

    private static Thread started(Runnable body) {
        var thread = new Thread(body);
        thread.start();
        return thread;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
