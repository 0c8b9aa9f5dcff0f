package io.ledgerline.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Closed loop: each client posts a batch of random movements, waits for its answers, posts the
 * next. Batches that finish during the warm-up are not counted; the figure is the movements the
 * ledger answered POSTED per second of the measured window.
 */
final class SustainedLoad {

    private static final long BUSY_BACKOFF_MS = 50;

    record Result(
            double seconds,
            long posted,
            long refused,
            long batches,
            long failedBatches,
            Map<String, Long> refusals,
            LatencyRecorder.Summary batchLatency,
            String loadAverage,
            CpuUsage.Usage cpu) {

        double movementsPerSecond() {
            return posted / seconds;
        }
    }

    private final LedgerClient ledger;
    private final Function<Random, ObjectNode> movement;
    private final BenchOptions options;
    private final int warmupSeconds;
    private final int sustainSeconds;
    private final AtomicLong posted = new AtomicLong();
    private final AtomicLong postedIncludingWarmup = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private final Map<String, Long> refusals = new ConcurrentHashMap<>();
    private final LatencyRecorder latency;
    private volatile long measureFromNanos;
    private volatile long measureUntilNanos;

    SustainedLoad(LedgerClient ledger, LoadCommands commands, BenchOptions options) {
        this(
                ledger,
                commands::randomMovement,
                options,
                options.warmupSeconds(),
                options.sustainSeconds(),
                new LatencyRecorder());
    }

    /** A load of one kind of movement for its own duration, recording into {@code latency}. */
    SustainedLoad(
            LedgerClient ledger,
            Function<Random, ObjectNode> movement,
            BenchOptions options,
            int warmupSeconds,
            int sustainSeconds,
            LatencyRecorder latency) {
        this.ledger = ledger;
        this.movement = movement;
        this.options = options;
        this.warmupSeconds = warmupSeconds;
        this.sustainSeconds = sustainSeconds;
        this.latency = latency;
    }

    Result run(EventCounts events, long publishedBefore) throws InterruptedException {
        long start = System.nanoTime();
        measureFromNanos = start + warmupSeconds * 1_000_000_000L;
        measureUntilNanos = measureFromNanos + sustainSeconds * 1_000_000_000L;
        var workers = new ArrayList<Thread>();
        try (var progress = new Progress(progressLine(start, events, publishedBefore))) {
            for (int i = 0; i < options.clients(); i++) {
                var worker = new Thread(this::postUntilDone, "bench-client-" + i);
                workers.add(worker);
                worker.start();
            }
            Thread.sleep(Math.max(0, (measureFromNanos - System.nanoTime()) / 1_000_000));
            var cpuFrom = CpuUsage.take(options.ledgerPid());
            Thread.sleep(Math.max(0, (measureUntilNanos - System.nanoTime()) / 1_000_000));
            var cpu = CpuUsage.between(cpuFrom, CpuUsage.take(options.ledgerPid()));
            for (var worker : workers) {
                worker.join();
            }
            return new Result(
                    sustainSeconds,
                    posted.get(),
                    refused.get(),
                    batches.get(),
                    failedBatches.get(),
                    Map.copyOf(refusals),
                    latency.summary(),
                    loadAverage(),
                    cpu);
        }
    }

    /** The machine's load average, to tell a quiet run from one that shared the CPUs. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private Supplier<String> progressLine(long start, EventCounts events, long publishedBefore) {
        var last = new long[] {start, 0};
        return () -> {
            long now = System.nanoTime();
            long total = postedIncludingWarmup.get();
            double rate = (total - last[1]) / ((now - last[0]) / 1e9);
            boolean mostlyWarmUp = now - (now - last[0]) / 2 < measureFromNanos;
            String phase = mostlyWarmUp ? "warm-up " : "measured";
            last[0] = now;
            last[1] = total;
            long published;
            try {
                published = events.publishedEvents() - publishedBefore;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                published = -1;
            }
            return String.format(
                    Locale.ROOT,
                    "%s %3ds  posted %,10d  last %ds: %,8.0f movements/s  published to Kafka %,d",
                    phase,
                    (now - start) / 1_000_000_000L,
                    total,
                    Progress.INTERVAL_SECONDS,
                    rate,
                    published);
        };
    }

    private void postUntilDone() {
        var random = ThreadLocalRandom.current();
        while (System.nanoTime() < measureUntilNanos) {
            var batch = new ArrayList<ObjectNode>();
            for (int i = 0; i < options.batchSize(); i++) {
                batch.add(movement.apply(random));
            }
            long sent = System.nanoTime();
            LedgerClient.BatchAnswer answer;
            try {
                answer = ledger.postBatch(batch);
            } catch (IOException e) {
                failedBatches.incrementAndGet();
                System.out.println("  batch failed: " + e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            count(answer, sent, System.nanoTime());
        }
    }

    private void count(LedgerClient.BatchAnswer answer, long sent, long answered) {
        if (!answer.accepted()) {
            failedBatches.incrementAndGet();
            refusals.merge("HTTP " + answer.status(), 1L, Long::sum);
            sleepQuietly(BUSY_BACKOFF_MS);
            return;
        }
        postedIncludingWarmup.addAndGet(answer.posted());
        if (answered < measureFromNanos || answered > measureUntilNanos) {
            return;
        }
        batches.incrementAndGet();
        posted.addAndGet(answer.posted());
        refused.addAndGet(answer.refused());
        answer.refusals().forEach((code, count) -> refusals.merge(code, (long) count, Long::sum));
        latency.record(answered - sent);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
