package io.ledgerline.ledger.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.contracts.ledger.event.LedgerEventTypes;
import io.ledgerline.ledger.audit.StoredEventDecoder;
import io.ledgerline.ledger.history.LedgerScenario;
import io.ledgerline.ledger.writer.LedgerWriter;
import io.ledgerline.testsupport.LedgerlineIntegrationTest;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Every ledger event reaches {@code ledger.events.v1}: keyed by account, in order, headers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
class KafkaPublishingTest {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @Autowired LedgerWriter writer;

    @Autowired JdbcTemplate jdbc;

    @Autowired EventProcessingConfiguration processing;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    LedgerScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new LedgerScenario(writer, jdbc);
    }

    @Test
    void every_event_is_published_keyed_by_account_in_order_with_type_schema_and_event_id() {
        scenario.mixed();
        var keys = Set.of(scenario.partner.value(), scenario.customer.value());
        var expected = eventIdsInStoreOrder(keys);

        try (var reader = new LedgerTopicReader(bootstrapServers, keys)) {
            await().atMost(DELIVERY).until(() -> reader.poll() >= expected.size());

            var received = reader.deduplicated();
            assertThat(received)
                    .extracting(LedgerTopicReader.Received::eventId)
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(received)
                    .allSatisfy(
                            r -> {
                                assertThat(r.key())
                                        .isEqualTo(r.event().header().accountId().value());
                                assertThat(r.eventId()).isEqualTo(r.event().header().eventId());
                                assertThat(r.type()).isEqualTo(LedgerEventTypes.nameOf(r.event()));
                                assertThat(r.schemaVersion())
                                        .isEqualTo(String.valueOf(LedgerEventTypes.SCHEMA_VERSION));
                            });
            for (var key : keys) {
                assertThat(
                                received.stream()
                                        .filter(r -> r.key().equals(key))
                                        .map(r -> r.event().header().sequence())
                                        .toList())
                        .as("events of %s in the order of their sequence", key)
                        .isSortedAccordingTo(Comparator.naturalOrder());
            }
        }
    }

    @Test
    void a_consumer_deduping_on_event_id_counts_a_redelivered_event_once() {
        scenario.openBoth();
        scenario.add(scenario.customer, 40, "package");
        scenario.use(scenario.customer, 1, "call");
        var keys = Set.of(scenario.partner.value(), scenario.customer.value());
        var expected = eventIdsInStoreOrder(keys);

        try (var reader = new LedgerTopicReader(bootstrapServers, keys)) {
            await().atMost(DELIVERY).until(() -> reader.poll() >= expected.size());
            republishEverything();
            await().atMost(DELIVERY)
                    .until(
                            () -> {
                                reader.poll();
                                return reader.raw().size() >= 2 * expected.size();
                            });

            assertThat(
                            reader.raw().stream()
                                    .map(LedgerTopicReader.Received::eventId)
                                    .collect(
                                            Collectors.groupingBy(id -> id, Collectors.counting())))
                    .as("the topic now holds every event twice")
                    .allSatisfy((id, copies) -> assertThat(copies).isGreaterThanOrEqualTo(2));
            assertThat(reader.deduplicated())
                    .extracting(LedgerTopicReader.Received::eventId)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** Resets the publisher's position to the first event: Kafka gets everything again. */
    private void republishEverything() {
        var publisher =
                processing
                        .eventProcessor("ledger-kafka-publisher", TrackingEventProcessor.class)
                        .orElseThrow();
        publisher.shutDown();
        publisher.resetTokens();
        publisher.start();
    }

    private List<String> eventIdsInStoreOrder(Set<String> aggregates) {
        return jdbc.query(
                """
                SELECT global_index, event_identifier, aggregate_identifier, sequence_number,
                       payload_type, payload, meta_data
                  FROM ledger.domain_event_entry WHERE aggregate_identifier = ANY (?)
                 ORDER BY global_index""",
                (rs, n) ->
                        StoredEventDecoder.event(
                                        new io.ledgerline.ledger.audit.StoredEvent(
                                                rs.getLong(1),
                                                rs.getString(2),
                                                rs.getString(3),
                                                rs.getLong(4),
                                                rs.getString(5),
                                                rs.getBytes(6),
                                                rs.getBytes(7)))
                                .header()
                                .eventId(),
                (Object) aggregates.toArray(String[]::new));
    }
}
