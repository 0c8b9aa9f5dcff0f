package io.ledgerline.bench.gateway;

/**
 * One HTTP exchange as seen by {@link RawHttpConnection}: times are {@code System.nanoTime()} when
 * the request was written, when the first body byte arrived and when the body ended.
 */
record Exchange(
        int status,
        String requestId,
        long sentNanos,
        long firstByteNanos,
        long endNanos,
        String bodyStart) {

    boolean ok() {
        return status >= 200 && status < 300;
    }
}
