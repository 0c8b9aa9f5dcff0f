package io.ledgerline.gateway.usage;

import io.ledgerline.contracts.topics.Topics;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

/** Wires the usage outbox: its table, its own Kafka producer, its health. */
@Configuration
public class UsageOutboxConfig {

    static final int REQUEST_TIMEOUT_MS = 10_000;
    static final int DELIVERY_TIMEOUT_MS = 30_000;
    static final int MAX_BLOCK_MS = 2_000;
    static final String CLIENT_ID_PREFIX = "usage-outbox-";

    @Bean
    UsageOutbox usageOutbox(
            DataSource dataSource,
            ProducerFactory<String, byte[]> producers,
            @Value(
                            "${ledgerline.gateway.usage-outbox.capacity:"
                                    + UsageOutbox.DEFAULT_CAPACITY
                                    + "}")
                    int capacity) {
        var settings = producerSettings(producers.getConfigurationProperties());
        return new UsageOutbox(
                new OutboxStore(dataSource),
                new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer()),
                Topics.USAGE.name(),
                capacity);
    }

    @Bean
    UsagePublisher usagePublisher(UsageOutbox outbox) {
        return new UsagePublisher(outbox);
    }

    /** Down while usage cannot be recorded (the gateway then refuses requests with 503). */
    @Bean
    HealthIndicator usageOutboxHealthIndicator(UsageOutbox outbox) {
        return () ->
                (outbox.accepting() ? Health.up() : Health.down())
                        .withDetail("queued", outbox.queued())
                        .withDetail("capacity", outbox.capacity())
                        .withDetail("rowsInTable", outbox.pendingRows())
                        .build();
    }

    /**
     * The application's producer settings (acks=all, idempotence) with timeouts that keep a send
     * below the relay's lease: the producer gives up on a record within max block + delivery
     * timeout, and the relay then backs the row off and tries again.
     */
    static Map<String, Object> producerSettings(Map<String, Object> base) {
        var settings = new HashMap<>(base);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
        settings.putIfAbsent(
                ProducerConfig.CLIENT_ID_CONFIG,
                CLIENT_ID_PREFIX + java.util.UUID.randomUUID().toString().substring(0, 8));
        settings.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        settings.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        return settings;
    }
}
