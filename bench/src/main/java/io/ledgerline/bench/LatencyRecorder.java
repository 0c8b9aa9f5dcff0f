package io.ledgerline.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects latencies (nanoseconds) from many threads; percentiles by sorting a copy. */
public final class LatencyRecorder {

    private long[] samples = new long[1_024];
    private int count;

    public synchronized void record(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    public synchronized Summary summary() {
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

    /** Sample count and nearest-rank percentiles in milliseconds. */
    public record Summary(int samples, double p50Ms, double p99Ms, double maxMs) {

        public Map<String, Object> json() {
            var map = new LinkedHashMap<String, Object>();
            map.put("samples", samples);
            map.put("p50Ms", round(p50Ms));
            map.put("p99Ms", round(p99Ms));
            map.put("maxMs", round(maxMs));
            return map;
        }

        public static double round(double ms) {
            return Math.round(ms * 1_000) / 1_000.0;
        }
    }
}
