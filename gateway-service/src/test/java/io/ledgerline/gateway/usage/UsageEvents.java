package io.ledgerline.gateway.usage;

import static org.awaitility.Awaitility.await;

import io.ledgerline.contracts.usage.UsageRecorded;
import io.ledgerline.gateway.support.Api;
import io.ledgerline.gateway.support.TopicReader;
import io.ledgerline.testsupport.TestKafka;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Usage events for outbox tests, and what billing would make of a topic's records. */
final class UsageEvents {

    static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final int PARTITIONS = 3;

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

    /**
     * Waits until every one of {@code requestIds} was received and none is left in the outbox
     * (after which nothing can send it again); then how often each request id was received.
     */
    static Map<String, Long> awaitDelivered(
            TopicReader reader, JdbcTemplate jdbc, List<String> requestIds) {
        await().atMost(DELIVERY)
                .until(() -> requestIdCounts(reader.poll()).keySet().containsAll(requestIds));
        await().atMost(DELIVERY).until(() -> rows(jdbc, requestIds) == 0);
        return requestIdCounts(reader.poll());
    }

    /** Each request id received once: what billing charges, deduplicated or not. */
    static Map<String, Long> once(List<String> requestIds) {
        return requestIds.stream().collect(Collectors.toMap(Function.identity(), id -> 1L));
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

    /** Rows of these requests still in the outbox. */
    static long rows(JdbcTemplate jdbc, List<String> requestIds) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM gateway.usage_outbox WHERE request_id = ANY(?)",
                Long.class,
                (Object) requestIds.toArray(String[]::new));
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

    /**
     * A topic of its own on the shared broker, created up front: a topic the producer has to
     * auto-create can keep a partition without a leader long enough to expire the first batch.
     */
    static String createdTopic(String purpose) throws Exception {
        var topic = topic(purpose);
        try (var admin =
                AdminClient.create(
                        Map.<String, Object>of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                TestKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
                    .all()
                    .get(DELIVERY.toSeconds(), TimeUnit.SECONDS);
        }
        return topic;
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
