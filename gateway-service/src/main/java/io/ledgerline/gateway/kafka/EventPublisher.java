package io.ledgerline.gateway.kafka;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.topics.Topics;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Sends contract events as JSON ({@link ContractJson}) with the type, schema-version and event-id
 * headers every consumer expects. Sending is asynchronous; a failed send is logged with the event
 * id so it can be found, the request that caused it is not failed.
 *
 * <p>Usage events do not come here: they go through the usage outbox ({@code usage/}), which keeps
 * them in PostgreSQL until the broker has them.
 *
 * <p>{@code KafkaProducer.send} can block (waiting for metadata while the broker is away, or for
 * buffer space), so records are handed to one sending thread of their own and the request threads
 * never wait for Kafka.
 */
@Component
public class EventPublisher implements org.springframework.beans.factory.DisposableBean {

    static final int SCHEMA_VERSION = 1;
    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final java.util.concurrent.ExecutorService sender =
            java.util.concurrent.Executors.newSingleThreadExecutor(
                    runnable -> {
                        var thread = new Thread(runnable, "event-publisher");
                        thread.setDaemon(true);
                        return thread;
                    });

    public EventPublisher(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    /** A record of a serialised contract event, with the headers every consumer expects. */
    public static ProducerRecord<String, byte[]> record(
            String topic, String key, String eventId, String type, byte[] value) {
        var record = new ProducerRecord<>(topic, key, value);
        record.headers().add(Topics.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(
                        Topics.SCHEMA_VERSION_HEADER,
                        String.valueOf(SCHEMA_VERSION).getBytes(StandardCharsets.UTF_8));
        record.headers().add(Topics.EVENT_ID_HEADER, eventId.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Override
    public void destroy() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    /**
     * Sends on the calling thread and returns once the broker has acknowledged the record (the
     * producer's {@code acks=all}); throws {@link IllegalStateException} when it has not within
     * {@code timeoutMs}.
     */
    public void publishAndWait(
            String topic, String key, String eventId, Object event, long timeoutMs) {
        var type = event.getClass().getSimpleName();
        var record = record(topic, key, eventId, type, ContractJson.toBytes(event));
        try {
            kafka.send(record).get(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing " + type + " " + eventId, e);
        } catch (java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException
                | RuntimeException e) {
            throw new IllegalStateException("could not publish " + type + " " + eventId, e);
        }
    }

    public void publish(String topic, String key, String eventId, Object event) {
        var type = event.getClass().getSimpleName();
        var record = record(topic, key, eventId, type, ContractJson.toBytes(event));
        sender.execute(
                () -> {
                    try {
                        kafka.send(record)
                                .whenComplete(
                                        (result, error) -> {
                                            if (error != null) {
                                                log.error(
                                                        "could not publish {} {} to {}",
                                                        type,
                                                        eventId,
                                                        topic,
                                                        error);
                                            }
                                        });
                    } catch (RuntimeException error) {
                        log.error("could not publish {} {} to {}", type, eventId, topic, error);
                    }
                });
    }
}
