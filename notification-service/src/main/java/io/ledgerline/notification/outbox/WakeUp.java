package io.ledgerline.notification.outbox;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A doorbell for one waiting thread: rung any number of times while the thread works, it wakes the
 * next wait once; unrung, the wait ends after its timeout.
 */
final class WakeUp {

    private final Semaphore bell = new Semaphore(0);

    void ring() {
        if (bell.availablePermits() == 0) {
            bell.release();
        }
    }

    /** Waits until rung or {@code timeoutMs} passed; true if rung. */
    boolean await(long timeoutMs) throws InterruptedException {
        boolean rung = bell.tryAcquire(timeoutMs, TimeUnit.MILLISECONDS);
        bell.drainPermits();
        return rung;
    }
}
