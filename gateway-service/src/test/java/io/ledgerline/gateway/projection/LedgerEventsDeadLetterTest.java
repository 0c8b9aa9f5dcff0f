package io.ledgerline.gateway.projection;

import static org.awaitility.Awaitility.await;

import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.gateway.support.GatewayTestBase;
import io.ledgerline.gateway.support.TopicReader;
import io.ledgerline.testsupport.TestKafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** A ledger event the projection cannot read is parked on the dead-letter topic, not dropped. */
class LedgerEventsDeadLetterTest extends GatewayTestBase {

    @Test
    void an_unreadable_ledger_event_goes_to_the_dlt() throws Exception {
        var props = new Properties();
        props.put("bootstrap.servers", TestKafka.bootstrapServers());
        var marker = unique("garbage");
        try (var producer =
                        new KafkaProducer<>(
                                props, new StringSerializer(), new ByteArraySerializer());
                var dlt =
                        new TopicReader(
                                TestKafka.bootstrapServers(),
                                Topics.LEDGER_EVENTS.deadLetterName())) {
            var record =
                    new ProducerRecord<String, byte[]>(
                            Topics.LEDGER_EVENTS.name(),
                            "partner:x",
                            ("{\"marker\":\"" + marker + "\"}").getBytes(StandardCharsets.UTF_8));
            record.headers()
                    .add(Topics.TYPE_HEADER, "NoSuchEvent".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
            await().atMost(PROJECTION_WAIT)
                    .until(() -> dlt.poll().stream().anyMatch(value -> value.contains(marker)));
        }
    }
}
