package io.ledgerline.notification.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The drainer's doorbell: a ring is never lost, and many rings wake one wait. */
class WakeUpTest {

    private final WakeUp wakeUp = new WakeUp();

    @Test
    void a_ring_before_the_wait_ends_it_at_once() throws Exception {
        wakeUp.ring();

        assertThat(wakeUp.await(60_000)).isTrue();
    }

    @Test
    void rings_while_working_wake_the_next_wait_once() throws Exception {
        wakeUp.ring();
        wakeUp.ring();
        wakeUp.ring();

        assertThat(wakeUp.await(60_000)).isTrue();
        assertThat(wakeUp.await(1)).isFalse();
    }

    @Test
    void an_unrung_wait_ends_after_its_timeout() throws Exception {
        assertThat(wakeUp.await(1)).isFalse();
    }

    @Test
    void a_ring_from_another_thread_wakes_the_waiting_one() throws Exception {
        var ringer = new Thread(wakeUp::ring);
        ringer.start();

        assertThat(wakeUp.await(60_000)).isTrue();
        ringer.join();
    }
}
