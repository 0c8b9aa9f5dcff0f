package io.ledgerline.billing.agentusage;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.contracts.usage.UsageRecorded;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes usage to {@code usage.v1}, keyed by customer, and waits for the broker's ack. */
@Component
class UsagePublisher {

    static final long SEND_TIMEOUT_MS = 10_000;
    static final String SCHEMA_VERSION = String.valueOf(Topics.USAGE.version());

    private final KafkaTemplate<String, byte[]> kafka;

    UsagePublisher(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    void publish(UsageRecorded usage) {
        var record =
                new ProducerRecord<String, byte[]>(
                        Topics.USAGE.name(), usage.customerId(), ContractJson.toBytes(usage));
        header(record, Topics.TYPE_HEADER, UsageRecorded.class.getSimpleName());
        header(record, Topics.SCHEMA_VERSION_HEADER, SCHEMA_VERSION);
        header(record, Topics.EVENT_ID_HEADER, usage.eventId());
        try {
            kafka.send(record).get(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable();
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Refused unavailable() {
        return new Refused(
                BillingRefusal.USAGE_TOPIC_UNAVAILABLE,
                "the usage could not be recorded now; send the same session again");
    }
}
