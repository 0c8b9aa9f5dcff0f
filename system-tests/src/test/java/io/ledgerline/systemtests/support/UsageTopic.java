package io.ledgerline.systemtests.support;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.contracts.usage.UsageRecorded;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Publishes {@code UsageRecorded} on usage.v1 exactly as the gateway does (headers included). */
public final class UsageTopic {

    private static final int SEND_TIMEOUT_SECONDS = 30;

    private UsageTopic() {}

    public static void publish(String bootstrapServers, UsageRecorded usage) {
        try (var producer =
                new KafkaProducer<>(
                        Map.<String, Object>of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ProducerConfig.ACKS_CONFIG,
                                "all"),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            var key = usage.customerId() != null ? usage.customerId() : usage.keyId();
            var record =
                    new ProducerRecord<>(Topics.USAGE.name(), key, ContractJson.toBytes(usage));
            record.headers().add(Topics.TYPE_HEADER, bytes(UsageRecorded.class.getSimpleName()));
            record.headers().add(Topics.SCHEMA_VERSION_HEADER, bytes("1"));
            record.headers().add(Topics.EVENT_ID_HEADER, bytes(usage.eventId()));
            producer.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + usage.requestId(), e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
