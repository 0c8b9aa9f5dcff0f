package io.ledgerline.ledger.publish;

import io.ledgerline.contracts.ledger.event.LedgerEvent;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Sends a batch of ledger events and returns only once the broker has acknowledged every one of
 * them, so the caller may then advance its position. Several callers (the publisher's segments)
 * send at once through one producer, whose linger and batch size group their records into few
 * requests. On any failure the producer is discarded (a broker that came back may be a different
 * cluster that does not know its producer id) and the failure is rethrown; the caller retries the
 * whole batch, in order.
 */
public class LedgerEventPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LedgerEventPublisher.class);
    private static final Duration CLOSE_AFTER_FAILURE = Duration.ZERO;

    private final Supplier<Producer<String, byte[]>> producers;
    private final AtomicLong failedBatches = new AtomicLong();
    private Producer<String, byte[]> producer;

    public LedgerEventPublisher(Supplier<Producer<String, byte[]>> producers) {
        this.producers = producers;
    }

    public void publish(List<? extends LedgerEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        var current = producer();
        try {
            var acks = new ArrayList<Future<RecordMetadata>>(events.size());
            for (var event : events) {
                var ack = current.send(LedgerEventRecords.toRecord(event));
                if (ack.isDone()) {
                    // Already failed (e.g. no metadata while the broker is away): stop here rather
                    // than wait the same time again for each remaining event.
                    ack.get();
                }
                acks.add(ack);
            }
            for (var ack : acks) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discard(current);
            throw new PublishFailedException("interrupted while publishing", e);
        } catch (ExecutionException | RuntimeException e) {
            failedBatches.incrementAndGet();
            discard(current);
            var cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new PublishFailedException(
                    "could not publish "
                            + events.size()
                            + " ledger events starting at "
                            + events.get(0).header().eventId(),
                    cause);
        }
    }

    /** How many batches failed and had to be published again since start. */
    public long failedBatches() {
        return failedBatches.get();
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    /** Closes the failed producer unless another caller has already replaced it. */
    private synchronized void discard(Producer<String, byte[]> failed) {
        if (producer != failed) {
            return;
        }
        try {
            failed.close(CLOSE_AFTER_FAILURE);
        } catch (RuntimeException e) {
            log.debug("closing a failed producer failed too", e);
        }
        producer = null;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    /** The batch was not (fully) acknowledged; it must be published again. */
    public static class PublishFailedException extends RuntimeException {
        PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
