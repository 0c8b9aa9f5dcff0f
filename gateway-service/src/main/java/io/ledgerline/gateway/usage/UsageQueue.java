package io.ledgerline.gateway.usage;

import io.ledgerline.contracts.usage.UsageRecorded;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The events of answered requests not yet in the outbox table. Adding never blocks and never
 * refuses: an admitted request's usage must be kept. The capacity bounds admission instead: once
 * {@code capacity} events are held, {@link #accepting()} is false and new requests are refused, so
 * what is held beyond it is at most the events of requests already in flight.
 */
final class UsageQueue {

    record Pending(String recordKey, UsageRecorded event) {}

    private final ConcurrentLinkedQueue<Pending> entries = new ConcurrentLinkedQueue<>();
    // Events queued plus those the writer has taken but not yet stored.
    private final AtomicInteger held = new AtomicInteger();
    private final int capacity;
    private final int wakeEvery;
    private volatile Thread drainer;

    UsageQueue(int capacity, int wakeEvery) {
        if (capacity < 1 || wakeEvery < 1) {
            throw new IllegalArgumentException(
                    "capacity " + capacity + " and wakeEvery " + wakeEvery + " must be positive");
        }
        this.capacity = capacity;
        this.wakeEvery = wakeEvery;
    }

    void drainedBy(Thread thread) {
        drainer = thread;
    }

    void add(Pending pending) {
        // Counted before it can be taken: the writer may take and store it at once, and counting
        // after that would let held drop below zero.
        int count = held.incrementAndGet();
        entries.add(pending);
        if (count % wakeEvery == 0) {
            var thread = drainer;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        }
    }

    boolean accepting() {
        return held.get() < capacity;
    }

    int held() {
        return held.get();
    }

    int capacity() {
        return capacity;
    }

    /** Takes up to {@code max} events; they stay counted as held until {@link #stored}. */
    List<Pending> take(int max) {
        var taken = new ArrayList<Pending>(Math.min(max, held.get()));
        Pending next;
        while (taken.size() < max && (next = entries.poll()) != null) {
            taken.add(next);
        }
        return taken;
    }

    void stored(int count) {
        held.addAndGet(-count);
    }
}
