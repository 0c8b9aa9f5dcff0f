package io.ledgerline.bench;

import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open loop: single {@code POST /accounts/{id}/usage} commands sent at a fixed rate whatever the
 * answers do. Latency is counted from the moment a command was due, so a stalled server shows up in
 * the figures instead of silently slowing the sender down (no coordinated omission).
 */
final class SingleCommandLatency {

    private static final long IN_FLIGHT_TIMEOUT_S = 60;

    record Result(
            int ratePerSecond,
            int seconds,
            long sent,
            long ok,
            long failed,
            LatencyRecorder.Summary latency,
            CatchUp.Result startedAfter) {}

    private final LedgerClient ledger;
    private final LoadCommands commands;
    private final BenchOptions options;

    SingleCommandLatency(LedgerClient ledger, LoadCommands commands, BenchOptions options) {
        this.ledger = ledger;
        this.commands = commands;
        this.options = options;
    }

    /** Runs the phase; {@code startedAfter} is the wait for the processors before it. */
    Result run(CatchUp.Result startedAfter) throws InterruptedException {
        long total = (long) options.singleRatePerSecond() * options.singleSeconds();
        long periodNanos = 1_000_000_000L / options.singleRatePerSecond();
        var latency = new LatencyRecorder();
        var ok = new AtomicLong();
        var failed = new AtomicLong();
        var inFlight = new ArrayList<CompletableFuture<?>>();
        var random = ThreadLocalRandom.current();
        long start = System.nanoTime();
        try (var progress =
                new Progress(
                        () ->
                                String.format(
                                        Locale.ROOT,
                                        "single   %3ds  answered %,d of %,d",
                                        (System.nanoTime() - start) / 1_000_000_000L,
                                        ok.get() + failed.get(),
                                        total))) {
            for (long i = 0; i < total; i++) {
                long due = start + i * periodNanos;
                LockSupport.parkNanos(due - System.nanoTime());
                var body = commands.usageBody(LoadCommands.MIN_MOVEMENT_UCR);
                String account = LoadCommands.accountId(random.nextInt(commands.accounts()));
                inFlight.add(
                        ledger.postUsage(account, body)
                                .whenComplete(
                                        (response, error) -> {
                                            latency.record(System.nanoTime() - due);
                                            boolean posted =
                                                    error == null && response.statusCode() == 200;
                                            (posted ? ok : failed).incrementAndGet();
                                        }));
            }
            awaitAll(inFlight);
        }
        return new Result(
                options.singleRatePerSecond(),
                options.singleSeconds(),
                total,
                ok.get(),
                failed.get(),
                latency.summary(),
                startedAfter);
    }

    private static void awaitAll(ArrayList<CompletableFuture<?>> inFlight)
            throws InterruptedException {
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .exceptionally(error -> null)
                    .get(IN_FLIGHT_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            System.out.println(
                    "  some single commands got no answer within " + IN_FLIGHT_TIMEOUT_S + "s");
        }
    }
}
