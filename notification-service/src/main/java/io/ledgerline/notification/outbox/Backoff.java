package io.ledgerline.notification.outbox;

import java.util.function.LongUnaryOperator;

/**
 * Exponential back-off with "equal jitter": half the doubled delay is fixed, the other half random,
 * so retries of many deliveries spread out but none comes back too early.
 */
final class Backoff {

    /** 2^30 × the initial delay is far past any cap; stop doubling there to stay in a long. */
    private static final int MAX_DOUBLINGS = 30;

    private Backoff() {}

    /** The wait after {@code attempt} failed attempts (1-based); {@code random} gives [0, n). */
    static long delayMs(int attempt, long initialMs, long maxMs, LongUnaryOperator random) {
        int doublings = Math.min(Math.max(attempt - 1, 0), MAX_DOUBLINGS);
        long capped = Math.min(maxMs, initialMs << doublings);
        long half = capped / 2;
        return half + random.applyAsLong(capped - half + 1);
    }
}
