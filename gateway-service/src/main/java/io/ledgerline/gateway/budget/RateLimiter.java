package io.ledgerline.gateway.budget;

/** Requests and tokens per minute for one key, in fixed one-minute windows. */
public final class RateLimiter {

    static final long WINDOW_MS = 60_000;

    private final int requestsPerMinute;
    private final long tokensPerMinute;
    private long windowStartMs;
    private int requests;
    private long tokens;

    /** Zero means no limit. */
    public RateLimiter(int requestsPerMinute, long tokensPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
        this.tokensPerMinute = tokensPerMinute;
    }

    /** Counts a request, or returns what limit it hits (and counts nothing). */
    public synchronized String tryAcquire(long nowMs) {
        roll(nowMs);
        if (requestsPerMinute > 0 && requests >= requestsPerMinute) {
            return requestsPerMinute + " requests per minute";
        }
        if (tokensPerMinute > 0 && tokens >= tokensPerMinute) {
            return tokensPerMinute + " tokens per minute";
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
