package io.ledgerline.ledger.publish;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.event.LedgerEventTypes;
import io.ledgerline.contracts.topics.Topics;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A consumer of {@code ledger.events.v1} as other services write one: it reads every record of the
 * keys it cares about and dedupes on the {@code ll-event-id} header, so a redelivered event is
 * counted once.
 */
final class LedgerTopicReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final int METADATA_MAX_AGE_MS = 500;

    /** A record as received, decoded. */
    record Received(
            String key, String eventId, String type, String schemaVersion, LedgerEvent event) {}

    private final KafkaConsumer<String, byte[]> consumer;
    private final Set<String> keys;
    private final List<Received> raw = new ArrayList<>();
    private final Map<String, Received> firstByEventId = new LinkedHashMap<>();

    LedgerTopicReader(String bootstrapServers, Set<String> keys) {
        this.keys = keys;
        this.consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "test-reader-" + UUID.randomUUID(),
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest",
                                ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                                METADATA_MAX_AGE_MS),
                        new StringDeserializer(),
                        new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.LEDGER_EVENTS.name()));
    }

    /** Polls once and returns how many distinct events of the watched keys it has seen. */
    int poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
            if (!keys.contains(record.key())) {
                continue;
            }
            var type = header(record, Topics.TYPE_HEADER);
            var event = ContractJson.fromBytes(record.value(), LedgerEventTypes.byName(type));
            var received =
                    new Received(
                            record.key(),
                            header(record, Topics.EVENT_ID_HEADER),
                            type,
                            header(record, Topics.SCHEMA_VERSION_HEADER),
                            event);
            raw.add(received);
            firstByEventId.putIfAbsent(received.eventId(), received);
        }
        return firstByEventId.size();
    }

    /** Every record received, duplicates included. */
    List<Received> raw() {
        return List.copyOf(raw);
    }

    /** Each event once, in the order first received. */
    List<Received> deduplicated() {
        return List.copyOf(firstByEventId.values());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ZERO);
    }
}
