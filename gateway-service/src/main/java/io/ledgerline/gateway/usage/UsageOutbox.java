package io.ledgerline.gateway.usage;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.usage.UsageRecorded;

import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The usage hand-off: an in-memory queue (request threads add, never wait), one writer thread
 * (queue to {@code gateway.usage_outbox}) and one relay thread (table to Kafka). It starts before
 * the web server and stops after it, so every answered request's usage reaches the table first.
 */
final class UsageOutbox implements SmartLifecycle {

    static final int DEFAULT_CAPACITY = 100_000;
    static final long STOP_WRITE_MS = 10_000;
    static final long STOP_SEND_MS = 5_000;
    static final Duration PRODUCER_CLOSE = Duration.ofSeconds(2);
    // The web server stops at DEFAULT_PHASE - 2048; a lower phase starts before it, stops after.
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(UsageOutbox.class);

    private final UsageQueue queue;
    private final OutboxRelay relay;
    private final OutboxWriter writer;
    private final Producer<String, byte[]> producer;
    private final String topic;
    private Thread writerThread;
    private Thread relayThread;
    private volatile boolean running;
    private volatile boolean stopped;

    UsageOutbox(OutboxStore store, Producer<String, byte[]> producer, String topic, int capacity) {
        this.queue = new UsageQueue(capacity, OutboxWriter.BATCH_SIZE);
        this.relay = new OutboxRelay(store, producer, topic);
        this.writer = new OutboxWriter(queue, store, relay, topic);
        this.producer = producer;
        this.topic = topic;
    }

    void add(String recordKey, UsageRecorded event) {
        if (stopped) {
            lost(ContractJson.toBytes(event));
            return;
        }
        queue.add(new UsageQueue.Pending(recordKey, event));
    }

    /**
     * Only a request that outlived the web server's graceful stop, or a database down through the
     * whole stop, gets here: the event is logged whole so that it can still be replayed by hand.
     */
    static void lost(byte[] event) {
        log.error(
                "usage not written to the outbox at stop: {}",
                new String(event, StandardCharsets.UTF_8));
    }

    boolean accepting() {
        return queue.accepting();
    }

    /** Events in memory, not yet in the table. */
    int queued() {
        return queue.held();
    }

    int capacity() {
        return queue.capacity();
    }

    long pendingRows() {
        return relay.pendingRows();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        relayThread = daemon(relay, "usage-outbox-relay " + topic);
        writerThread = daemon(writer, "usage-outbox-writer " + topic);
        queue.drainedBy(writerThread);
        relayThread.start();
        writerThread.start();
        running = true;
    }

    /** Writes what is queued to the table, sends what it can, then closes the producer. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        var start = System.nanoTime();
        writer.finish(start + TimeUnit.MILLISECONDS.toNanos(STOP_WRITE_MS));
        LockSupport.unpark(writerThread);
        join(writerThread, STOP_WRITE_MS + OutboxStore.STATEMENT_TIMEOUT_S * 1000L);
        stopped = true;
        queue.take(Integer.MAX_VALUE)
                .forEach(pending -> lost(ContractJson.toBytes(pending.event())));
        relay.finish();
        join(relayThread, STOP_SEND_MS + OutboxStore.STATEMENT_TIMEOUT_S * 1000L);
        if (!relayThread.isAlive()) {
            relay.drain(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_SEND_MS));
        }
        producer.close(PRODUCER_CLOSE);
        log.info(
                "usage outbox stopped in {} ms; {} events not written (logged above), {} rows"
                        + " left in the table for the next start",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                queue.held(),
                relay.pendingRows());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private static Thread daemon(Runnable task, String name) {
        var thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void join(Thread thread, long ms) {
        try {
            thread.join(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
