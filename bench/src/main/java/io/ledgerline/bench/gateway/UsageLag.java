package io.ledgerline.bench.gateway;

import io.ledgerline.bench.LatencyRecorder;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Usage → balance: M paced gateway requests on the customer's self-service key; for each, the time
 * from its answer to the ledger's {@code UsageMetered} for its request id on ledger.events.v1
 * (gateway → usage.v1 → billing rates it → ledger appends and publishes).
 */
final class UsageLag {

    private final Target target;
    private final int requests;
    private final int rate;
    private final long waitMs;

    UsageLag(Target target, int requests, int rate, long waitMs) {
        this.target = target;
        this.requests = requests;
        this.rate = rate;
        this.waitMs = waitMs;
    }

    Result run(MeteredWatcher watcher) throws IOException, InterruptedException {
        var answered = new LinkedHashMap<String, Long>();
        var latency = new LatencyRecorder();
        long errors = 0;
        long periodNanos = 1_000_000_000L / rate;
        try (var connection = new RawHttpConnection(target.host(), target.port())) {
            long start = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                long wait = start + i * periodNanos - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                var exchange = connection.exchange(target.request());
                latency.record(exchange.endNanos() - exchange.sentNanos());
                if (exchange.ok() && exchange.requestId() != null) {
                    answered.put(exchange.requestId(), exchange.endNanos());
                } else {
                    errors++;
                }
            }
        }
        long deadline = System.currentTimeMillis() + waitMs;
        while (System.currentTimeMillis() < deadline
                && answered.keySet().stream().anyMatch(id -> watcher.seen(id) == null)) {
            Thread.sleep(20);
        }
        var lag = new LatencyRecorder();
        int missing = 0;
        for (var entry : answered.entrySet()) {
            Long seen = watcher.seen(entry.getKey());
            if (seen == null) {
                missing++;
            } else {
                lag.record(Math.max(0, seen - entry.getValue()));
            }
        }
        return new Result(requests, rate, lag.summary(), missing, errors, latency.summary());
    }

    /** {@code latency}: each request's own round trip, one at a time on one connection. */
    record Result(
            int requests,
            int rate,
            LatencyRecorder.Summary lag,
            int notSeen,
            long errors,
            LatencyRecorder.Summary latency) {

        Map<String, Object> json() {
            var map = new LinkedHashMap<String, Object>();
            map.put("requests", requests);
            map.put("rateRps", rate);
            map.put("lag", lag.json());
            map.put("notSeenInTime", notSeen);
            map.put("gatewayErrors", errors);
            map.put("gatewayLatencyOneAtATime", latency.json());
            return map;
        }
    }
}
