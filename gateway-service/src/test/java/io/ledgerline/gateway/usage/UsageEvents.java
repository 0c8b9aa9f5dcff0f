package io.ledgerline.gateway.usage;

import io.ledgerline.contracts.usage.UsageRecorded;
import io.ledgerline.gateway.support.Api;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Usage events for outbox tests, and what billing would make of a topic's records. */
final class UsageEvents {

    private UsageEvents() {}

    static UsageRecorded event(String requestId) {
        return new UsageRecorded(
                UUID.randomUUID().toString(),
                requestId,
                UsageRecorded.Source.GATEWAY,
                "key-outbox-test",
                "partner-outbox-test",
                null,
                "gpt-4o-mini",
                12,
                34,
                5,
                0,
                0,
                List.of(),
                null,
                "key-key-outbox-test",
                Instant.now());
    }

    /** How often each request id was received; billing charges each id once. */
    static Map<String, Long> requestIdCounts(List<String> records) {
        return records.stream()
                .map(UsageEvents::requestId)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    static long rows(JdbcTemplate jdbc, String topic) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM gateway.usage_outbox WHERE topic = ?", Long.class, topic);
    }

    /** The outbox's own producer settings, pointed at {@code bootstrapServers}. */
    static Producer<String, byte[]> producer(String bootstrapServers) {
        var settings =
                UsageOutboxConfig.producerSettings(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ProducerConfig.LINGER_MS_CONFIG,
                                5));
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    static String topic(String purpose) {
        return "usage.v1.test-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String requestId(String json) {
        try {
            return Api.JSON.readTree(json).path("requestId").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
