package io.ledgerline.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Prints a line every few seconds while a phase runs, so a long run shows it is alive. */
final class Progress implements AutoCloseable {

    static final int INTERVAL_SECONDS = 5;

    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    runnable -> {
                        var thread = new Thread(runnable, "bench-progress");
                        thread.setDaemon(true);
                        return thread;
                    });

    Progress(Supplier<String> line) {
        timer.scheduleAtFixedRate(
                () -> {
                    try {
                        System.out.println("  " + line.get());
                    } catch (RuntimeException e) {
                        System.out.println("  (progress unavailable: " + e.getMessage() + ")");
                    }
                },
                INTERVAL_SECONDS,
                INTERVAL_SECONDS,
                TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
