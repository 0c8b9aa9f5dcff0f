package io.ledgerline.bench.gateway;

import io.ledgerline.bench.LatencyRecorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Requests at a fixed rate whatever the answers do (open loop): a pacer puts each request's
 * intended send time on a queue and a pool of connections works it off. Latency counts from the
 * intended time, so a stall shows as the queueing it causes (no coordinated omission).
 */
final class OpenLoop {

    private static final long POISON = Long.MIN_VALUE;

    /** Requests due but not sent beyond which the target cannot keep the rate: stop there. */
    private static final double MAX_BACKLOG_SECONDS = 2.0;

    private final int rate;
    private final Duration warmUp;
    private final Duration measured;
    private final int connections;

    OpenLoop(int rate, Duration warmUp, Duration measured, int connections) {
        this.rate = rate;
        this.warmUp = warmUp;
        this.measured = measured;
        this.connections = connections;
    }

    Result run(Target target) throws InterruptedException {
        BlockingQueue<Long> due = new LinkedBlockingQueue<>();
        var total = new LatencyRecorder();
        var everything = new LatencyRecorder();
        var firstByte = new LatencyRecorder();
        var errors = new AtomicLong();
        var failures = new AtomicLong();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measured.toNanos();
        var workers = new ArrayList<Thread>();
        String[] firstError = new String[1];
        for (int i = 0; i < connections; i++) {
            var worker =
                    new Thread(
                            () ->
                                    work(
                                            target,
                                            due,
                                            measureFrom,
                                            total,
                                            everything,
                                            firstByte,
                                            errors,
                                            failures,
                                            firstError),
                            "open-loop-" + target.name() + "-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        long sent = 0;
        long backlogLimit = (long) (rate * MAX_BACKLOG_SECONDS);
        boolean saturated = false;
        long stoppedAt = end;
        for (long intended = start; intended < end; intended = start + (++sent) * periodNanos) {
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (due.size() > backlogLimit) {
                saturated = true;
                stoppedAt = intended;
                due.clear();
                break;
            }
            due.add(intended);
        }
        for (int i = 0; i < connections; i++) {
            due.add(POISON);
        }
        for (var worker : workers) {
            worker.join(60_000);
        }
        // A target that saturates during the warm-up is described by what it did until then.
        boolean fromStart = stoppedAt <= measureFrom;
        var summary = fromStart ? everything.summary() : total.summary();
        double seconds = Math.max(1, stoppedAt - (fromStart ? start : measureFrom)) / 1e9;
        double completedRps = summary.samples() / seconds;
        var result =
                new Result(
                        target.name(),
                        rate,
                        summary,
                        firstByte.summary(),
                        errors.get(),
                        failures.get(),
                        firstError[0],
                        saturated,
                        completedRps);
        Progress.line(
                target.name(),
                String.format(
                        "p50 %.3f ms, p99 %.3f ms, max %.3f ms, " + "%d measured, %d errors%s%s",
                        summary.p50Ms(),
                        summary.p99Ms(),
                        summary.maxMs(),
                        summary.samples(),
                        errors.get() + failures.get(),
                        saturated
                                ? String.format(
                                        ", SATURATED: more than %.0f s of requests queued"
                                                + " after %.1f s; stopped",
                                        MAX_BACKLOG_SECONDS, (stoppedAt - start) / 1e9)
                                : "",
                        firstError[0] == null ? "" : ", first: " + firstError[0]));
        return result;
    }

    private static void work(
            Target target,
            BlockingQueue<Long> due,
            long measureFrom,
            LatencyRecorder total,
            LatencyRecorder everything,
            LatencyRecorder firstByte,
            AtomicLong errors,
            AtomicLong failures,
            String[] firstError) {
        try (var connection = new RawHttpConnection(target.host(), target.port())) {
            while (true) {
                long intended = due.take();
                if (intended == POISON) {
                    return;
                }
                try {
                    var exchange = connection.exchange(target.request());
                    if (!exchange.ok()) {
                        errors.incrementAndGet();
                        noteFirst(firstError, exchange.status() + " " + exchange.bodyStart());
                    } else if (intended < measureFrom) {
                        everything.record(exchange.endNanos() - intended);
                    } else {
                        everything.record(exchange.endNanos() - intended);
                        total.record(exchange.endNanos() - intended);
                        firstByte.record(exchange.firstByteNanos() - intended);
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    noteFirst(firstError, e.toString());
                    connection.close();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static synchronized void noteFirst(String[] firstError, String error) {
        if (firstError[0] == null) {
            firstError[0] = error;
        }
    }

    record Result(
            String target,
            int rate,
            LatencyRecorder.Summary total,
            LatencyRecorder.Summary firstByte,
            long httpErrors,
            long ioFailures,
            String firstError,
            boolean saturated,
            double completedRps) {

        Map<String, Object> json() {
            var map = new LinkedHashMap<String, Object>();
            map.put("target", target);
            map.put("rateRps", rate);
            map.put("latency", total.json());
            map.put("timeToFirstByte", firstByte.json());
            map.put("httpErrors", httpErrors);
            map.put("ioFailures", ioFailures);
            map.put("saturated", saturated);
            map.put("completedRpsWhileMeasured", Math.round(completedRps));
            if (firstError != null) {
                map.put("firstError", firstError);
            }
            return map;
        }
    }
}
