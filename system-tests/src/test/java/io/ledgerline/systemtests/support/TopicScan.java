package io.ledgerline.systemtests.support;

import io.ledgerline.contracts.topics.Topics;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads every record on every Ledgerline topic (and its dead-letter topic) from the start. */
public final class TopicScan {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final int MAX_EMPTY_POLLS = 20;

    private TopicScan() {}

    /** Keys, values and header values of every record present now, as raw bytes. */
    public static List<byte[]> everyRecordsBytes(String bootstrapServers) {
        var topics = new ArrayList<String>();
        for (var topic : Topics.ALL) {
            topics.add(topic.name());
            topics.add(topic.deadLetterName());
        }
        var found = new ArrayList<byte[]>();
        for (var record : read(bootstrapServers, topics)) {
            if (record.key() != null) {
                found.add(record.key());
            }
            if (record.value() != null) {
                found.add(record.value());
            }
            record.headers().forEach(header -> found.add(header.value()));
        }
        return found;
    }

    /** Every record present now on these topics, in order within each partition. */
    public static List<ConsumerRecord<byte[], byte[]>> read(
            String bootstrapServers, List<String> topics) {
        var found = new ArrayList<ConsumerRecord<byte[], byte[]>>();
        try (var consumer =
                new KafkaConsumer<>(
                        Map.<String, Object>of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            var partitions = new ArrayList<TopicPartition>();
            for (var name : topics) {
                consumer.partitionsFor(name)
                        .forEach(
                                info -> partitions.add(new TopicPartition(name, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            int emptyPolls = 0;
            while (!reached(consumer, end) && emptyPolls < MAX_EMPTY_POLLS) {
                var records = consumer.poll(POLL);
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                records.forEach(found::add);
            }
            if (!reached(consumer, end)) {
                throw new IllegalStateException("could not read the topics to their end: " + end);
            }
        }
        return found;
    }

    private static boolean reached(
            KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream()
                .allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }
}
