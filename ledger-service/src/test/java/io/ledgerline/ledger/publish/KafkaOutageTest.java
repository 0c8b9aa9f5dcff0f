package io.ledgerline.ledger.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.command.OpenAccount;
import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.ledger.history.LedgerScenario;
import io.ledgerline.ledger.writer.LedgerWriter;
import io.ledgerline.testsupport.RealInfrastructure;
import io.ledgerline.testsupport.TestKafka;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Events appended while the broker is down are published once it is back, in order per account.
 * This test owns a broker on a fixed port (and so an application context of its own, whose
 * publisher tracks its own position); the read side is off in this context.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "ledgerline.read-side.enabled=false",
            "ledgerline.publisher.processor-name=" + KafkaOutageTest.PUBLISHER
        })
@ContextConfiguration(initializers = {RealInfrastructure.class, KafkaOutageTest.OwnBroker.class})
@DirtiesContext
class KafkaOutageTest {

    static final String PUBLISHER = "ledger-kafka-publisher-outage-test";
    private static final int PORT = freePort();
    private static final Duration DELIVERY = Duration.ofSeconds(120);
    private static final int EVENTS_PER_ACCOUNT_DURING_OUTAGE = 5;
    private static EmbeddedKafkaKraftBroker broker = startBroker();

    /** Points this context's Kafka clients at the broker this test stops and restarts. */
    static class OwnBroker
            implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(
                            new MapPropertySource(
                                    "kafka-outage-test",
                                    Map.of("spring.kafka.bootstrap-servers", bootstrap())));
        }
    }

    @Autowired LedgerWriter writer;

    @Autowired JdbcTemplate jdbc;

    @Autowired LedgerEventPublisher publisher;

    @Test
    void events_appended_while_the_broker_is_down_are_published_after_it_returns_in_order() {
        var scenario = new LedgerScenario(writer, jdbc);
        var first = AccountId.partner(LedgerScenario.newId("p"));
        var second = AccountId.partner(LedgerScenario.newId("p"));
        scenario.run(new OpenAccount(LedgerScenario.newId("open"), first, first.holderId()));
        scenario.run(new OpenAccount(LedgerScenario.newId("open"), second, second.holderId()));
        var keys = Set.of(first.value(), second.value());
        try (var reader = new LedgerTopicReader(bootstrap(), keys)) {
            await().atMost(DELIVERY).until(() -> reader.poll() >= 2);
        }

        broker.destroy();
        var appendedDuringOutage = new ArrayList<String>();
        for (int i = 1; i <= EVENTS_PER_ACCOUNT_DURING_OUTAGE; i++) {
            appendedDuringOutage.addAll(scenario.add(first, i, "during outage").eventIds());
            appendedDuringOutage.addAll(scenario.add(second, i, "during outage").eventIds());
        }
        // The batch holding them fails (delivery timeout) and rolls the publisher's token back.
        await().atMost(DELIVERY).until(() -> publisher.failedBatches() > 0);
        broker = startBroker();

        try (var reader = new LedgerTopicReader(bootstrap(), keys)) {
            await().atMost(DELIVERY)
                    .until(
                            () -> {
                                reader.poll();
                                return reader.deduplicated().stream()
                                        .map(LedgerTopicReader.Received::eventId)
                                        .toList()
                                        .containsAll(appendedDuringOutage);
                            });

            for (var key : keys) {
                var sequences =
                        reader.deduplicated().stream()
                                .filter(r -> r.key().equals(key))
                                .map(r -> r.event().header().sequence())
                                .toList();
                assertThat(sequences)
                        .as("sequence numbers of %s as received", key)
                        .isEqualTo(sequencesFrom(sequences.get(0), sequences.size()));
            }
        } finally {
            broker.destroy();
        }
    }

    private static List<Long> sequencesFrom(long first, int count) {
        var sequences = new ArrayList<Long>();
        for (int i = 0; i < count; i++) {
            sequences.add(first + i);
        }
        return sequences;
    }

    /** A fresh single-node KRaft broker whose client listener is always on {@link #PORT}. */
    private static EmbeddedKafkaKraftBroker startBroker() {
        return TestKafka.startEmbedded(PORT, Topics.LEDGER_EVENTS.partitions());
    }

    private static String bootstrap() {
        return "localhost:" + PORT;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
