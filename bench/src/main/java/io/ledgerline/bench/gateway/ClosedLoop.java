package io.ledgerline.bench.gateway;

import io.ledgerline.bench.LatencyRecorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Maximum throughput: N connections each sending its next request as soon as one is answered. */
final class ClosedLoop {

    private final int connections;
    private final Duration warmUp;
    private final Duration measured;

    ClosedLoop(int connections, Duration warmUp, Duration measured) {
        this.connections = connections;
        this.warmUp = warmUp;
        this.measured = measured;
    }

    Result run(Target target) throws InterruptedException {
        long measureFrom = System.nanoTime() + warmUp.toNanos();
        long end = measureFrom + measured.toNanos();
        var completed = new AtomicLong();
        var errors = new AtomicLong();
        var latency = new LatencyRecorder();
        var workers = new ArrayList<Thread>();
        for (int i = 0; i < connections; i++) {
            var worker =
                    new Thread(
                            () -> {
                                try (var connection =
                                        new RawHttpConnection(target.host(), target.port())) {
                                    long now = System.nanoTime();
                                    while (now < end) {
                                        try {
                                            var exchange = connection.exchange(target.request());
                                            now = exchange.endNanos();
                                            if (exchange.sentNanos() < measureFrom || now > end) {
                                                continue;
                                            }
                                            if (exchange.ok()) {
                                                completed.incrementAndGet();
                                                latency.record(now - exchange.sentNanos());
                                            } else {
                                                errors.incrementAndGet();
                                            }
                                        } catch (Exception e) {
                                            errors.incrementAndGet();
                                            connection.close();
                                            now = System.nanoTime();
                                        }
                                    }
                                }
                            },
                            "closed-loop-" + target.name() + "-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        for (var worker : workers) {
            worker.join(measured.toMillis() + warmUp.toMillis() + 60_000);
        }
        double seconds = measured.toNanos() / 1e9;
        return new Result(
                target.name(),
                connections,
                completed.get() / seconds,
                errors.get(),
                latency.summary());
    }

    record Result(
            String target,
            int connections,
            double requestsPerSecond,
            long errors,
            LatencyRecorder.Summary latency) {

        Map<String, Object> json() {
            var map = new LinkedHashMap<String, Object>();
            map.put("target", target);
            map.put("connections", connections);
            map.put("requestsPerSecond", Math.round(requestsPerSecond));
            map.put("errors", errors);
            map.put("latency", latency.json());
            return map;
        }
    }
}
