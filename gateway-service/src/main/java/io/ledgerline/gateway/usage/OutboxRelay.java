package io.ledgerline.gateway.usage;

import io.ledgerline.gateway.kafka.EventPublisher;

import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that sends outbox rows to Kafka and deletes each row once the broker has
 * acknowledged it. Rows come from the writer as soon as they are stored and, every {@link
 * #SCAN_INTERVAL_MS}, from the table: rows whose send failed (after their back-off), and rows an
 * earlier process left (crash recovery, at start-up too). While sends fail, the relay pauses
 * (back-off up to {@link #PAUSE_MAX_MS}) and the rows wait in the table.
 */
final class OutboxRelay implements Runnable {

    /**
     * How long a row being sent is nobody else's; longer than the producer can take to answer (its
     * max block plus delivery timeout), so a row is sent again only after a failure.
     */
    static final long SEND_LEASE_MS = 45_000;

    static final int HANDOFF_CAPACITY = 10_000;
    static final int MAX_IN_FLIGHT = 10_000;
    static final int BATCH_SIZE = OutboxWriter.BATCH_SIZE;
    static final long SCAN_INTERVAL_MS = 1_000;
    static final long COUNT_INTERVAL_MS = 5_000;
    static final long POLL_MS = 20;
    static final long PAUSE_MIN_MS = 500;
    static final long PAUSE_MAX_MS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    record Failure(String eventId, String error) {}

    private final OutboxStore store;
    private final Producer<String, byte[]> producer;
    private final String topic;
    private final ArrayBlockingQueue<OutboxRow> handoff =
            new ArrayBlockingQueue<>(HANDOFF_CAPACITY);
    private final ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Failure> failed = new ConcurrentLinkedQueue<>();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final List<String> toDelete = new ArrayList<>();
    private volatile boolean running = true;
    private volatile long pauseUntilNanos = System.nanoTime();
    private volatile long pauseMs = PAUSE_MIN_MS;
    private volatile long pendingRows;
    private volatile String lastError = "";
    private long nextScanNanos = System.nanoTime();
    private long nextCountNanos = System.nanoTime();

    OutboxRelay(OutboxStore store, Producer<String, byte[]> producer, String topic) {
        this.store = store;
        this.producer = producer;
        this.topic = topic;
    }

    /**
     * Whether the writer should hand these rows over (else they are stored due and found by the
     * scan). Only the writer hands rows off, so room seen here is still there when it does.
     */
    boolean hasRoomFor(int rows) {
        return running && !paused() && handoff.remainingCapacity() >= rows;
    }

    void handOff(List<OutboxRow> rows) {
        handoff.addAll(rows);
    }

    /** Rows in the table at the last count (at most {@link #COUNT_INTERVAL_MS} old). */
    long pendingRows() {
        return pendingRows;
    }

    int inFlight() {
        return MAX_IN_FLIGHT - inFlight.availablePermits();
    }

    void finish() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            try {
                settle();
                count();
                if (paused()) {
                    releaseHandedOff();
                    sleep(Math.min(POLL_MS * 5, remainingPauseMs()));
                } else {
                    send(next());
                }
            } catch (RuntimeException error) {
                // The database refused a claim or a bookkeeping write; nothing is lost by that.
                log.warn("usage outbox relay: {}; retrying", error.toString());
                sleep(PAUSE_MIN_MS);
            }
        }
    }

    /** After {@link #finish()}: sends what was handed off and waits for the answers. */
    void drain(long deadlineNanos) {
        var rest = new ArrayList<OutboxRow>();
        handoff.drainTo(rest);
        try {
            if (paused()) {
                store.release(ids(rest));
            } else {
                send(rest);
            }
        } catch (RuntimeException error) {
            log.warn("usage outbox: rows left for the next start: {}", error.toString());
        }
        while (inFlight() > 0 && System.nanoTime() - deadlineNanos < 0) {
            sleep(POLL_MS);
        }
        try {
            settle();
            pendingRows = store.count(topic);
        } catch (RuntimeException error) {
            log.warn(
                    "usage outbox: bookkeeping at stop failed, rows stay for the next start: {}",
                    error.toString());
        }
    }

    /** Due rows of the table first (so retries are not starved by new traffic), else new ones. */
    private List<OutboxRow> next() {
        if (System.nanoTime() - nextScanNanos >= 0) {
            var claimed = store.claimDue(topic, BATCH_SIZE, SEND_LEASE_MS);
            // A full batch means a backlog: scan again at once.
            nextScanNanos =
                    claimed.size() == BATCH_SIZE
                            ? System.nanoTime()
                            : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SCAN_INTERVAL_MS);
            if (!claimed.isEmpty()) {
                return claimed;
            }
        }
        var batch = new ArrayList<OutboxRow>(BATCH_SIZE);
        try {
            var first = handoff.poll(POLL_MS, TimeUnit.MILLISECONDS);
            if (first != null) {
                batch.add(first);
                handoff.drainTo(batch, BATCH_SIZE - 1);
            }
        } catch (InterruptedException e) {
            // Stopping is signalled by finish(); an interrupt only cuts this wait short.
        }
        return batch;
    }

    private void send(List<OutboxRow> rows) {
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            if (!acquire()) {
                var rest = ids(rows.subList(i, rows.size()));
                if (paused()) {
                    // A send failed just now (a metadata time-out fails in the caller's thread):
                    // the rest would fail alike, so they back off in the table.
                    store.reschedule(rest, lastError);
                } else {
                    store.release(rest);
                }
                return;
            }
            try {
                producer.send(
                        EventPublisher.record(
                                row.topic(),
                                row.recordKey(),
                                row.eventId(),
                                row.type(),
                                row.payload()),
                        (metadata, error) -> answered(row.eventId(), error));
            } catch (RuntimeException error) {
                // The producer is closed or refuses the record: the rest waits in the table.
                inFlight.release();
                pause(error);
                store.reschedule(ids(rows.subList(i, rows.size())), error.toString());
                return;
            }
        }
    }

    private void answered(String eventId, Exception error) {
        inFlight.release();
        if (error == null) {
            acked.add(eventId);
            pauseMs = PAUSE_MIN_MS;
        } else {
            failed.add(new Failure(eventId, error.toString()));
            pause(error);
        }
    }

    /** Deletes acknowledged rows and backs off failed ones, in batches. */
    private void settle() {
        String id;
        while (toDelete.size() < BATCH_SIZE && (id = acked.poll()) != null) {
            toDelete.add(id);
        }
        while (!toDelete.isEmpty()) {
            store.delete(toDelete);
            toDelete.clear();
            while (toDelete.size() < BATCH_SIZE && (id = acked.poll()) != null) {
                toDelete.add(id);
            }
        }
        var failures = new ArrayList<String>();
        Failure failure;
        String error = null;
        while (failures.size() < BATCH_SIZE && (failure = failed.poll()) != null) {
            failures.add(failure.eventId());
            error = failure.error();
        }
        if (!failures.isEmpty()) {
            store.reschedule(failures, error);
        }
    }

    /** One pause per episode: the failures of a batch already sent do not lengthen it. */
    private synchronized void pause(Exception error) {
        if (paused()) {
            return;
        }
        var ms = pauseMs;
        lastError = error.toString();
        pauseUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        pauseMs = Math.min(ms * 2, PAUSE_MAX_MS);
        log.warn(
                "{} sends fail ({}); pausing {} ms; rows wait in gateway.usage_outbox ({} at"
                        + " the last count)",
                topic,
                error.toString(),
                ms,
                pendingRows);
    }

    private boolean paused() {
        return System.nanoTime() - pauseUntilNanos < 0;
    }

    private long remainingPauseMs() {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(pauseUntilNanos - System.nanoTime()));
    }

    private void releaseHandedOff() {
        var rows = new ArrayList<OutboxRow>();
        handoff.drainTo(rows);
        if (!rows.isEmpty()) {
            store.release(ids(rows));
        }
    }

    private boolean acquire() {
        try {
            while (running && !paused()) {
                if (inFlight.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            // Stopping: send what can be sent at once, unless the broker is known to be away.
            return !running && !paused() && inFlight.tryAcquire();
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void count() {
        if (System.nanoTime() - nextCountNanos >= 0) {
            pendingRows = store.count(topic);
            nextCountNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(COUNT_INTERVAL_MS);
        }
    }

    private static List<String> ids(List<OutboxRow> rows) {
        return rows.stream().map(OutboxRow::eventId).toList();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            // Stopping is signalled by finish(); an interrupt only cuts this wait short.
        }
    }
}
