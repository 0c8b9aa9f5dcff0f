package io.ledgerline.bench;

import java.sql.SQLException;
import java.util.Locale;

/**
 * After the load: how many stored events had not reached Kafka yet, and how long the publisher took
 * to get every one of them there.
 */
final class PublishDrain {

    private static final long POLL_INTERVAL_MS = 100;

    record Result(
            long storedEvents,
            long publishedEvents,
            long backlogAtLoadEnd,
            double drainSeconds,
            boolean drained) {}

    private PublishDrain() {}

    /**
     * Waits until Kafka holds at least as many new events as the event store. More is possible:
     * publishing is at-least-once, and a retried batch may leave duplicates behind.
     */
    static Result await(EventCounts events, long publishedBefore, int timeoutSeconds)
            throws SQLException, InterruptedException {
        long start = System.nanoTime();
        long stored = events.storedEvents();
        long published = events.publishedEvents() - publishedBefore;
        long backlog = Math.max(0, stored - published);
        long deadline = start + timeoutSeconds * 1_000_000_000L;
        long lastLine = start;
        while (published < stored && System.nanoTime() < deadline) {
            Thread.sleep(POLL_INTERVAL_MS);
            published = events.publishedEvents() - publishedBefore;
            if (System.nanoTime() - lastLine > Progress.INTERVAL_SECONDS * 1_000_000_000L) {
                lastLine = System.nanoTime();
                System.out.printf(
                        Locale.ROOT,
                        "  drain    %3ds  published %,d of %,d%n",
                        (lastLine - start) / 1_000_000_000L,
                        published,
                        stored);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(stored, published, backlog, seconds, published >= stored);
    }
}
