package io.ledgerline.ledger.history;

import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Bounds how often the read side retries a batch that fails, and stops it visibly when the bound is
 * reached.
 *
 * <p>Why stop rather than park the event and move on: every balance and "balance after" on the read
 * side is a running sum, so skipping one money event makes every later figure of its accounts
 * wrong, silently, until someone notices. A read side that stops is stale but never wrong, its
 * health names the event, and the audit fails on the lag; an auditor prefers that.
 */
public final class ReadSideGuard implements ErrorHandler {

    /** Attempts of one failing event (the first try included) before the read side stops. */
    public static final int MAX_ATTEMPTS = 5;

    /** Back-off after the first failed attempt; it doubles after each further one. */
    static final long FIRST_BACKOFF_MS = 200;

    static final long MAX_BACKOFF_MS = 5_000;

    private static final Logger log = LoggerFactory.getLogger(ReadSideGuard.class);

    /** Where the read side stopped and why. */
    public record Stall(
            String eventId, long globalIndex, String error, int attempts, Instant stoppedAt) {}

    private final AtomicLong failedAttempts = new AtomicLong();
    private volatile Supplier<EventProcessor> processor = () -> null;
    private volatile Stall stall;
    private long failingIndex = -1;
    private int attemptsOfFailing;

    void attach(Supplier<EventProcessor> processor) {
        this.processor = processor;
    }

    @Override
    public synchronized void handleError(ErrorContext context) throws Exception {
        var culprit = culpritOf(context);
        failedAttempts.incrementAndGet();
        if (culprit.globalIndex() != failingIndex) {
            failingIndex = culprit.globalIndex();
            attemptsOfFailing = 0;
        }
        attemptsOfFailing++;
        var error = context.error();
        if (attemptsOfFailing < MAX_ATTEMPTS) {
            log.warn(
                    "read side: attempt {} of {} failed at event {} (global index {}): {}",
                    attemptsOfFailing,
                    MAX_ATTEMPTS,
                    culprit.eventId(),
                    culprit.globalIndex(),
                    rootMessage(error));
            Thread.sleep(backoffMs(attemptsOfFailing));
            throw asException(error);
        }
        stop(culprit, rootMessage(error));
        throw asException(error);
    }

    private void stop(Stall culprit, String error) {
        stall =
                new Stall(
                        culprit.eventId(),
                        culprit.globalIndex(),
                        error,
                        attemptsOfFailing,
                        Instant.now());
        log.error(
                "read side STOPPED after {} attempts at event {} (global index {}): {}. Balances"
                        + " and history are stale from here; commands are still accepted. Fix"
                        + " the cause, then resume: POST /actuator/readside or restart"
                        + " ledger-service.",
                attemptsOfFailing,
                culprit.eventId(),
                culprit.globalIndex(),
                error);
        var running = processor.get();
        if (running != null) {
            // Asynchronously: this thread is the processor's own worker, which shutting down
            // waits for.
            running.shutdownAsync();
        }
    }

    /** Called after a batch committed: a failure before it is history. */
    synchronized void succeeded() {
        failingIndex = -1;
        attemptsOfFailing = 0;
    }

    /** Clears the stop and starts the processor again from its stored position. */
    public synchronized void resume() {
        stall = null;
        failingIndex = -1;
        attemptsOfFailing = 0;
        var stopped = processor.get();
        if (stopped != null && !stopped.isRunning()) {
            stopped.start();
        }
        log.info("read side resumed by an operator");
    }

    public Optional<Stall> stall() {
        return Optional.ofNullable(stall);
    }

    /** Failed batch attempts since start, the one that stopped the read side included. */
    public long failedAttempts() {
        return failedAttempts.get();
    }

    public boolean processorRunning() {
        var current = processor.get();
        return current != null && current.isRunning();
    }

    static long backoffMs(int failedAttempts) {
        return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(failedAttempts - 1, 20));
    }

    /** The event named in the error when the projection found it, else the batch's first. */
    private static Stall culpritOf(ErrorContext context) {
        for (var cause = context.error(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UnprojectableEvent unprojectable) {
                return new Stall(
                        unprojectable.eventId(), unprojectable.globalIndex(), null, 0, null);
            }
        }
        var first = context.failedEvents().isEmpty() ? null : context.failedEvents().get(0);
        if (first == null) {
            return new Stall("(unknown)", -1, null, 0, null);
        }
        long index =
                first instanceof TrackedEventMessage<?> tracked
                        ? tracked.trackingToken().position().orElse(-1)
                        : -1;
        return new Stall(first.getIdentifier(), index, null, 0, null);
    }

    private static String rootMessage(Throwable error) {
        var root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        var message = root == error ? "" : " (" + error.getClass().getSimpleName() + ")";
        return root.getClass().getSimpleName() + ": " + root.getMessage() + message;
    }

    private static Exception asException(Throwable error) {
        return error instanceof Exception e ? e : new RuntimeException(error);
    }
}
