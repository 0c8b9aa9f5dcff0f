package io.ledgerline.gateway.usage;

import io.ledgerline.contracts.json.ContractJson;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The one thread that moves queued usage into the outbox table: every {@link #FLUSH_INTERVAL_MS},
 * or as soon as {@link #BATCH_SIZE} events wait, one insert of the whole batch. A batch the
 * database refuses is kept and tried again (back-off up to {@link #DB_RETRY_MAX_MS}); meanwhile the
 * queue fills and admission refuses new requests. Stored rows go straight to the relay.
 */
final class OutboxWriter implements Runnable {

    static final long FLUSH_INTERVAL_MS = 5;
    static final int BATCH_SIZE = 500;
    static final long DB_RETRY_MIN_MS = 100;
    static final long DB_RETRY_MAX_MS = 2_000;
    static final String TYPE = "UsageRecorded";

    private static final Logger log = LoggerFactory.getLogger(OutboxWriter.class);

    private final UsageQueue queue;
    private final OutboxStore store;
    private final OutboxRelay relay;
    private final String topic;
    private volatile boolean running = true;
    private volatile long giveUpAtNanos;
    private List<OutboxRow> unsaved = List.of();
    private long retryMs = DB_RETRY_MIN_MS;

    OutboxWriter(UsageQueue queue, OutboxStore store, OutboxRelay relay, String topic) {
        this.queue = queue;
        this.store = store;
        this.relay = relay;
        this.topic = topic;
    }

    /** Stops taking new work; what is queued is still written until {@code deadlineNanos}. */
    void finish(long deadlineNanos) {
        giveUpAtNanos = deadlineNanos;
        running = false;
    }

    @Override
    public void run() {
        while (true) {
            try {
                if (!writeOnce()) {
                    return;
                }
            } catch (RuntimeException bug) {
                // Metering must outlive a bug: a dead writer would refuse every request for good.
                log.error("usage outbox writer failed; going on", bug);
                sleep(retryMs);
            }
        }
    }

    /** One flush; false when the writer has finished. */
    private boolean writeOnce() {
        if (unsaved.isEmpty()) {
            if (!running && queue.held() == 0) {
                return false;
            }
            if (running && queue.held() < BATCH_SIZE) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(FLUSH_INTERVAL_MS));
            }
            unsaved = rows(queue.take(BATCH_SIZE));
        }
        if (!unsaved.isEmpty() && !save(unsaved)) {
            if (!running && System.nanoTime() - giveUpAtNanos > 0) {
                unsaved.forEach(row -> UsageOutbox.lost(row.payload()));
                return false;
            }
            sleep(retryMs);
            retryMs = Math.min(retryMs * 2, DB_RETRY_MAX_MS);
        }
        return true;
    }

    private List<OutboxRow> rows(List<UsageQueue.Pending> taken) {
        var rows = new ArrayList<OutboxRow>(taken.size());
        for (var pending : taken) {
            try {
                rows.add(row(pending));
            } catch (RuntimeException unwritable) {
                // Only a bug gets here; the event is logged whole so it can be replayed by hand.
                log.error("usage event cannot be serialised: {}", pending.event(), unwritable);
                queue.stored(1);
            }
        }
        return rows;
    }

    private boolean save(List<OutboxRow> rows) {
        var direct = relay.hasRoomFor(rows.size());
        try {
            store.insert(rows, direct ? OutboxRelay.SEND_LEASE_MS : 0);
        } catch (RuntimeException error) {
            log.warn(
                    "could not write {} usage events to gateway.usage_outbox ({} held in"
                            + " memory); retrying in {} ms: {}",
                    rows.size(),
                    queue.held(),
                    retryMs,
                    error.toString());
            return false;
        }
        queue.stored(rows.size());
        unsaved = List.of();
        retryMs = DB_RETRY_MIN_MS;
        if (direct) {
            relay.handOff(rows);
        }
        return true;
    }

    private OutboxRow row(UsageQueue.Pending pending) {
        var event = pending.event();
        return new OutboxRow(
                event.eventId(),
                event.requestId(),
                topic,
                pending.recordKey(),
                TYPE,
                ContractJson.toBytes(event),
                0);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            // Stopping is signalled by finish(); an interrupt only cuts this wait short.
        }
    }
}
