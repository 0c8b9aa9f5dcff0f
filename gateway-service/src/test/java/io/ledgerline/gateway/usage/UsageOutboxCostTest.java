package io.ledgerline.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.contracts.gateway.KeyStatusChanged.KeyKind;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.gateway.livekey.KeyConfig;
import io.ledgerline.gateway.support.GatewayTestBase;
import io.ledgerline.gateway.support.TopicReader;
import io.ledgerline.testsupport.TestKafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * What one usage event costs on the outbox path: the request thread's publish, the writer, the
 * relay and the producer's I/O thread (thread CPU), and the PostgreSQL backends of this test
 * database. Prints the figures; fails only if an event is lost.
 */
class UsageOutboxCostTest extends GatewayTestBase {

    private static final Logger log = LoggerFactory.getLogger(UsageOutboxCostTest.class);
    private static final int WARM_UP_EVENTS = 5_000;
    private static final int EVENTS = 20_000;
    private static final Duration DRAIN = Duration.ofSeconds(60);
    private static final long DRAIN_POLL_MS = 20;
    private static final long CLOCK_TICK_NS = 10_000_000; // USER_HZ = 100 on Linux

    @Autowired DataSource dataSource;

    @Autowired JdbcTemplate jdbc;

    @Test
    void twenty_thousand_usage_events_drain_through_the_table_to_kafka() throws Exception {
        var topic = UsageEvents.createdTopic("cost");
        var clientId = "usage-outbox-cost-" + UUID.randomUUID().toString().substring(0, 8);
        var outbox =
                new UsageOutbox(new OutboxStore(dataSource), producer(clientId), topic, EVENTS);
        var publisher = new UsagePublisher(outbox);
        outbox.start();
        try {
            publishAndDrain(publisher, outbox, topic, WARM_UP_EVENTS, "warm-up");
            var threadsBefore = threadCpuNs(topic, clientId);
            var dbBefore = backendCpuTicks();
            var processBefore = processCpuNs();
            var start = System.nanoTime();
            var publishNs = publishAndDrain(publisher, outbox, topic, EVENTS, "measured");
            var wallNs = System.nanoTime() - start;
            var processNs = processCpuNs() - processBefore;
            var dbNs = (sum(backendCpuTicks()) - sum(dbBefore)) * CLOCK_TICK_NS;
            var threadsNs = threadCpuNs(topic, clientId) - threadsBefore;
            log.info(
                    "usage outbox cost for {} events: publish {} ns CPU/event on the caller;"
                            + " drained in {} ms ({} events/s); writer+relay+producer threads"
                            + " {} µs/event; PostgreSQL backends {} µs/event; whole JVM (with the embedded"
                            + " broker) {} µs/event",
                    EVENTS,
                    publishNs / EVENTS,
                    wallNs / 1_000_000,
                    EVENTS * 1_000_000_000L / wallNs,
                    threadsNs / 1_000 / EVENTS,
                    dbNs / 1_000 / EVENTS,
                    processNs / 1_000 / EVENTS);
            try (var reader = new TopicReader(TestKafka.bootstrapServers(), topic)) {
                await().atMost(DRAIN)
                        .until(
                                () ->
                                        UsageEvents.requestIdCounts(reader.poll()).size()
                                                == WARM_UP_EVENTS + EVENTS);
            }
        } finally {
            outbox.stop();
        }
    }

    /** Publishes {@code count} events, waits until the table has sent them all: caller CPU. */
    private long publishAndDrain(
            UsagePublisher publisher, UsageOutbox outbox, String topic, int count, String run) {
        var key = key();
        var caller = ManagementFactory.getThreadMXBean();
        var start = caller.getCurrentThreadCpuTime();
        for (int i = 0; i < count; i++) {
            publisher.publish(
                    key,
                    new UsagePublisher.Use(
                            "req-" + run + "-" + i,
                            "gpt-4o-mini",
                            12,
                            34,
                            5,
                            0,
                            null,
                            Instant.now()));
        }
        var publishNs = caller.getCurrentThreadCpuTime() - start;
        // An EXISTS on the index, not a count: the waiting must not cost the database much.
        await().atMost(DRAIN)
                .pollInterval(Duration.ofMillis(DRAIN_POLL_MS))
                .until(
                        () ->
                                outbox.queued() == 0
                                        && !jdbc.queryForObject(
                                                "SELECT EXISTS (SELECT 1 FROM gateway.usage_outbox"
                                                        + " WHERE topic = ?)",
                                                Boolean.class,
                                                topic));
        assertThat(outbox.accepting()).isTrue();
        return publishNs;
    }

    private static KafkaProducer<String, byte[]> producer(String clientId) {
        var base = new HashMap<String, Object>();
        base.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        base.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        base.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return new KafkaProducer<>(
                UsageOutboxConfig.producerSettings(base),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static KeyConfig key() {
        return new KeyConfig(
                "key-cost",
                KeyKind.PARTNER,
                "partner-cost",
                null,
                "cost",
                null,
                "llk_cost",
                Set.of("gpt-4o-mini"),
                List.of(),
                Credits.ZERO,
                null,
                null,
                KeyConfig.RateLimits.NONE,
                null,
                Instant.now());
    }

    private static long threadCpuNs(String topic, String clientId) {
        var names =
                Set.of(
                        "usage-outbox-writer " + topic,
                        "usage-outbox-relay " + topic,
                        "kafka-producer-network-thread | " + clientId);
        var mx = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (var thread : Thread.getAllStackTraces().keySet()) {
            if (names.contains(thread.getName())) {
                total += mx.getThreadCpuTime(thread.getId());
            }
        }
        return total;
    }

    private static long processCpuNs() {
        var os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime();
    }

    /** User + system clock ticks of each PostgreSQL backend serving this test database. */
    private Map<Integer, Long> backendCpuTicks() {
        var ticks = new HashMap<Integer, Long>();
        var pids =
                jdbc.queryForList(
                        "SELECT pid FROM pg_stat_activity WHERE datname = current_database()",
                        Integer.class);
        for (var pid : new HashSet<>(pids)) {
            try {
                var stat = Files.readString(Path.of("/proc", pid.toString(), "stat"));
                var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            } catch (java.io.IOException | RuntimeException e) {
                // A server on another machine or in a container: no figure for it.
            }
        }
        return ticks;
    }

    private static long sum(Map<Integer, Long> ticks) {
        return ticks.values().stream().mapToLong(Long::longValue).sum();
    }
}
