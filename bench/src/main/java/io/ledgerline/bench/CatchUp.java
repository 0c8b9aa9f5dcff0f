package io.ledgerline.bench;

import java.sql.SQLException;
import java.util.Locale;

/**
 * After the load: how long until the slowest tracking processor (the read-side projections or the
 * Kafka publisher) has handled the last stored event, counted from the end of the load.
 */
final class CatchUp {

    private static final long POLL_INTERVAL_MS = 100;

    record Result(
            long lastGlobalIndex,
            long behindAtLoadEnd,
            double secondsAfterLoad,
            boolean caughtUp) {}

    private CatchUp() {}

    static Result await(
            EventCounts events, long loadEndNanos, long behindAtLoadEnd, int timeoutSeconds)
            throws SQLException, InterruptedException {
        long last = events.lastGlobalIndex();
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        long lastLine = System.nanoTime();
        long reached = events.slowestProcessorIndex();
        while (reached < last && System.nanoTime() < deadline) {
            Thread.sleep(POLL_INTERVAL_MS);
            reached = events.slowestProcessorIndex();
            if (System.nanoTime() - lastLine > Progress.INTERVAL_SECONDS * 1_000_000_000L) {
                lastLine = System.nanoTime();
                System.out.printf(
                        Locale.ROOT,
                        "  catch-up      slowest processor at %,d of %,d%n",
                        reached,
                        last);
            }
        }
        double seconds = (System.nanoTime() - loadEndNanos) / 1e9;
        return new Result(last, behindAtLoadEnd, seconds, reached >= last);
    }
}
