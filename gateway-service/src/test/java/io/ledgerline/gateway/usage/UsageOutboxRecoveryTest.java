package io.ledgerline.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.gateway.support.GatewayTestBase;
import io.ledgerline.gateway.support.TopicReader;
import io.ledgerline.testsupport.TestKafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Kafka away, a stop, a crash: each test runs an outbox of its own on a topic of its own (so the
 * gateway's relay leaves its rows alone). For the outage its producer points at a port where no
 * broker listens yet, and the shared broker of the other tests keeps running; then a broker starts
 * on that port.
 */
class UsageOutboxRecoveryTest extends GatewayTestBase {

    private static final int EVENTS = 40;
    private static final int CAPACITY = 1_000;

    @Autowired DataSource dataSource;

    @Autowired JdbcTemplate jdbc;

    @Test
    @Timeout(180)
    void usage_sent_while_kafka_is_unreachable_waits_in_the_table_and_is_delivered_once_after()
            throws Exception {
        var port = freePort();
        var bootstrap = "localhost:" + port;
        var topic = UsageEvents.topic("outage");
        var outbox =
                new UsageOutbox(
                        new OutboxStore(dataSource),
                        UsageEvents.producer(bootstrap),
                        topic,
                        CAPACITY);
        outbox.start();
        EmbeddedKafkaKraftBroker broker = null;
        try {
            var requestIds = addEvents(outbox, EVENTS);

            // Kept in the table, each send tried and failed, and admission still open.
            await().atMost(UsageEvents.DELIVERY)
                    .until(() -> UsageEvents.rows(jdbc, topic) == EVENTS && failedRows(topic));
            assertThat(outbox.accepting()).isTrue();
            assertThat(outbox.queued()).isZero();

            broker = TestKafka.startEmbedded(port);
            try (var reader = new TopicReader(bootstrap, topic)) {
                // Nothing reached the broker before it existed, so nothing came twice either.
                assertThat(UsageEvents.awaitDelivered(reader, jdbc, requestIds))
                        .isEqualTo(UsageEvents.once(requestIds));
                assertThat(UsageEvents.rows(jdbc, topic)).isZero();
            }
        } finally {
            outbox.stop();
            if (broker != null) {
                broker.destroy();
            }
        }
    }

    @Test
    void stopping_writes_every_queued_event_to_the_table_while_kafka_is_unreachable()
            throws Exception {
        var topic = UsageEvents.topic("stop");
        var outbox =
                new UsageOutbox(
                        new OutboxStore(dataSource),
                        UsageEvents.producer("localhost:" + freePort()),
                        topic,
                        CAPACITY);
        outbox.start();
        var requestIds = addEvents(outbox, CAPACITY);
        outbox.stop();
        assertThat(outbox.queued()).isZero();
        assertThat(UsageEvents.rows(jdbc, requestIds)).isEqualTo(CAPACITY);
        jdbc.update("DELETE FROM gateway.usage_outbox WHERE topic = ?", topic);
    }

    /** Rows an earlier process left (crash) are sent by a relay once it starts. */
    @Test
    void rows_an_earlier_process_left_in_the_table_are_published_when_the_relay_starts()
            throws Exception {
        var topic = UsageEvents.createdTopic("recovery");
        var requestIds = new ArrayList<String>();
        for (int i = 0; i < EVENTS; i++) {
            var event = UsageEvents.event("req-left-" + UUID.randomUUID());
            requestIds.add(event.requestId());
            jdbc.update(
                    "INSERT INTO gateway.usage_outbox (event_id, request_id, topic, record_key,"
                            + " type, payload, created_at, attempts, last_error)"
                            + " VALUES (?, ?, ?, ?, 'UsageRecorded', ?,"
                            + " now() - interval '1 hour', ?, ?)",
                    event.eventId(),
                    event.requestId(),
                    topic,
                    event.keyId(),
                    io.ledgerline.contracts.json.ContractJson.toBytes(event),
                    i % 3,
                    i % 3 == 0 ? null : "broker gone");
        }
        var outbox =
                new UsageOutbox(
                        new OutboxStore(dataSource),
                        UsageEvents.producer(TestKafka.bootstrapServers()),
                        topic,
                        CAPACITY);
        try (var reader = new TopicReader(TestKafka.bootstrapServers(), topic)) {
            outbox.start();
            assertThat(UsageEvents.awaitDelivered(reader, jdbc, requestIds))
                    .isEqualTo(UsageEvents.once(requestIds));
            assertThat(UsageEvents.rows(jdbc, topic)).isZero();
        } finally {
            outbox.stop();
        }
    }

    private static List<String> addEvents(UsageOutbox outbox, int count) {
        var requestIds = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            var event = UsageEvents.event("req-outage-" + UUID.randomUUID());
            requestIds.add(event.requestId());
            outbox.add(event.keyId(), event);
        }
        return requestIds;
    }

    private boolean failedRows(String topic) {
        return jdbc.queryForObject(
                "SELECT bool_and(attempts > 0 AND last_error IS NOT NULL)"
                        + " FROM gateway.usage_outbox WHERE topic = ?",
                Boolean.class,
                topic);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
