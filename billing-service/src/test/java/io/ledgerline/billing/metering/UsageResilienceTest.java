package io.ledgerline.billing.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.billing.support.BillingIntegrationTest;
import io.ledgerline.billing.support.FakeLedger.Received;
import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.testsupport.TestKafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** No usage is lost or charged twice: outages, restarts mid-burst and poison records. */
class UsageResilienceTest extends BillingIntegrationTest {

    private static final int BURST = 60;
    private static final String DLT_EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    private static final int CUSTOMERS_IN_BURST = 6;

    @Autowired KafkaListenerEndpointRegistry listeners;

    @Test
    void usage_arriving_while_the_ledger_is_down_is_charged_after_it_recovers() {
        var request = unique("req");
        LEDGER.goDown();
        try {
            int refusedBefore = LEDGER.refusedWhileDown();
            publish(
                    gatewayUsage(
                            request,
                            unique("p"),
                            unique("c"),
                            "gpt-4o-mini",
                            100,
                            100,
                            null,
                            null));
            eventually().until(() -> LEDGER.refusedWhileDown() >= refusedBefore + 2);
            assertThat(chargeOf(request)).isNull();
        } finally {
            LEDGER.comeBack();
        }
        awaitCharged(request);
        assertThat(chargeOf(request)).containsEntry("status", "CHARGED");
        assertThat(LEDGER.effectiveFor(request)).hasSize(1);
    }

    @Test
    void every_request_of_a_burst_is_charged_exactly_once_across_a_consumer_restart() {
        var customers = new ArrayList<String>();
        for (int i = 0; i < CUSTOMERS_IN_BURST; i++) {
            customers.add(unique("c"));
        }
        var requests = new ArrayList<String>();
        for (int i = 0; i < BURST; i++) {
            requests.add(unique("burst"));
        }
        var container = listeners.getListenerContainer(UsageListener.LISTENER_ID);

        publishBurst(requests.subList(0, BURST / 2), customers);
        eventually().until(() -> chargedCount(requests) >= 5);
        container.stop();
        publishBurst(requests.subList(BURST / 2, BURST), customers);
        container.start();

        eventually().until(() -> chargedCount(requests) == BURST);
        var effective =
                LEDGER.received().stream()
                        .filter(Received::effective)
                        .filter(command -> requests.contains(command.usageId()))
                        .collect(Collectors.groupingBy(Received::usageId, Collectors.counting()));
        assertThat(effective).hasSize(BURST);
        assertThat(effective.values()).allMatch(count -> count == 1);
    }

    @Test
    void poison_usage_records_are_parked_on_the_dead_letter_topic() {
        var garbageKey = unique("poison");
        var wrongTypeKey = unique("poison");
        publish(
                Topics.USAGE.name(),
                garbageKey,
                "UsageRecorded",
                "{not json".getBytes(StandardCharsets.UTF_8));
        publish(
                Topics.USAGE.name(),
                wrongTypeKey,
                "SomethingElse",
                "{}".getBytes(StandardCharsets.UTF_8));

        var parked = new CopyOnWriteArrayList<String>();
        var reasons = new CopyOnWriteArrayList<String>();
        try (var consumer = deadLetterConsumer()) {
            consumer.subscribe(List.of(Topics.USAGE.deadLetterName()));
            eventually()
                    .until(
                            () -> {
                                consumer.poll(Duration.ofMillis(200))
                                        .forEach(
                                                record -> {
                                                    parked.add(record.key());
                                                    var reason =
                                                            record.headers()
                                                                    .lastHeader(
                                                                            DLT_EXCEPTION_MESSAGE);
                                                    if (record.key().equals(garbageKey)
                                                            && reason != null) {
                                                        reasons.add(
                                                                new String(
                                                                        reason.value(),
                                                                        StandardCharsets.UTF_8));
                                                    }
                                                });
                                return parked.contains(garbageKey) && parked.contains(wrongTypeKey);
                            });
        }
        assertThat(reasons).anyMatch(reason -> reason.contains("unreadable UsageRecorded"));
        var followUp = unique("req");
        publish(gatewayUsage(followUp, unique("p"), null, "gpt-4o-mini", 1, 1, null, null));
        awaitCharged(followUp);
    }

    private void publishBurst(List<String> requests, List<String> customers) {
        for (int i = 0; i < requests.size(); i++) {
            var customer = customers.get(i % customers.size());
            publish(
                    gatewayUsage(
                            requests.get(i),
                            "p-burst",
                            customer,
                            "gpt-4o-mini",
                            100 + i,
                            50,
                            null,
                            null));
        }
    }

    private long chargedCount(List<String> requests) {
        var rows =
                jdbc.queryForList(
                        "SELECT request_id FROM billing.usage_charges"
                                + " WHERE partner_id = 'p-burst'",
                        String.class);
        return rows.stream().filter(requests::contains).count();
    }

    private static KafkaConsumer<String, byte[]> deadLetterConsumer() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, unique("dlt-reader"),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }
}
