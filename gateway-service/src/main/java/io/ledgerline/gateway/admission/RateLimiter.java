package io.ledgerline.gateway.admission;

import io.ledgerline.gateway.key.KeyConfig.RateLimits;

/** Requests and tokens per minute for one key, in fixed one-minute windows. */
public final class RateLimiter {

    static final long WINDOW_MS = 60_000;

    private final RateLimits limits;
    private long windowStartMs;
    private int requests;
    private long tokens;

    public RateLimiter(RateLimits limits) {
        this.limits = limits == null ? RateLimits.NONE : limits;
    }

    /** Counts a request, or returns what limit it hits (and counts nothing). */
    public synchronized String tryAcquire(long nowMs) {
        roll(nowMs);
        if (limits.requestsPerMinute() > 0 && requests >= limits.requestsPerMinute()) {
            return limits.requestsPerMinute() + " requests per minute";
        }
        if (limits.tokensPerMinute() > 0 && tokens >= limits.tokensPerMinute()) {
            return limits.tokensPerMinute() + " tokens per minute";
        }
        requests++;
        return null;
    }

    public synchronized void addTokens(long used, long nowMs) {
        roll(nowMs);
        tokens += used;
    }

    private void roll(long nowMs) {
        if (nowMs - windowStartMs >= WINDOW_MS) {
            windowStartMs = nowMs - (nowMs % WINDOW_MS);
            requests = 0;
            tokens = 0;
        }
    }
}
