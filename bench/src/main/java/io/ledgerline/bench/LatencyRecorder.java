package io.ledgerline.bench;

import java.util.Arrays;

/** Collects latencies (nanoseconds) from many threads; percentiles by sorting a copy. */
final class LatencyRecorder {

    private long[] samples = new long[1_024];
    private int count;

    synchronized void record(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return new Summary(
                sorted.length,
                percentileMs(sorted, 50),
                percentileMs(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double percentileMs(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    record Summary(int samples, double p50Ms, double p99Ms, double maxMs) {}
}
