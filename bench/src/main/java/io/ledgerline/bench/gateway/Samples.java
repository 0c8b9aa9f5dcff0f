package io.ledgerline.bench.gateway;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Durations in nanoseconds from many threads; percentiles by sorting a copy (nearest rank). */
final class Samples {

    private long[] values = new long[1_024];
    private int count;

    synchronized void add(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
    }

    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return new Summary(
                sorted.length,
                percentileMs(sorted, 50),
                percentileMs(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double percentileMs(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    record Summary(int samples, double p50Ms, double p99Ms, double maxMs) {

        Map<String, Object> json() {
            var map = new LinkedHashMap<String, Object>();
            map.put("samples", samples);
            map.put("p50Ms", round(p50Ms));
            map.put("p99Ms", round(p99Ms));
            map.put("maxMs", round(maxMs));
            return map;
        }

        static double round(double ms) {
            return Math.round(ms * 1_000) / 1_000.0;
        }
    }
}
