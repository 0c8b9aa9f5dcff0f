package io.ledgerline.bench;

import io.ledgerline.contracts.topics.Topics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Counts the ledger's events in both places: stored in PostgreSQL (Axon's event table) and
 * published to Kafka (the sum of the end offsets of {@code ledger.events.v1}'s partitions).
 */
final class EventCounts implements AutoCloseable {

    static final String TOPIC = Topics.LEDGER_EVENTS.name();
    private static final long ADMIN_TIMEOUT_S = 10;

    private final Admin admin;
    private final Connection database;
    private List<TopicPartition> partitions;

    EventCounts(String kafkaBootstrap, String dbUrl, String dbUser) throws SQLException {
        this.admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafkaBootstrap,
                                AdminClientConfig.CLIENT_ID_CONFIG,
                                "ledger-bench"));
        this.database = DriverManager.getConnection(dbUrl, dbUser, "");
    }

    long storedEvents() throws SQLException {
        return single("SELECT count(*) FROM ledger.domain_event_entry");
    }

    /** The global index of the last stored event (0 when none). */
    long lastGlobalIndex() throws SQLException {
        return single("SELECT coalesce(max(global_index), 0) FROM ledger.domain_event_entry");
    }

    /**
     * How far the slowest tracking processor (read-side projections, Kafka publisher) got: the
     * lowest index over every processor's segments. Tokens are Jackson-serialised {@code
     * GapAwareTrackingToken}s, {@code {"index": n, "gaps": [...]}}.
     */
    long slowestProcessorIndex() throws SQLException {
        return single(
                "SELECT coalesce(min(coalesce("
                        + "(convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint, -1)), -1)"
                        + " FROM ledger.token_entry");
    }

    private long single(String sql) throws SQLException {
        try (var statement = database.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    long publishedEvents() throws InterruptedException {
        try {
            var latest =
                    partitions().stream()
                            .collect(
                                    Collectors.toMap(
                                            Function.identity(), partition -> OffsetSpec.latest()));
            return admin
                    .listOffsets(latest)
                    .all()
                    .get(ADMIN_TIMEOUT_S, TimeUnit.SECONDS)
                    .values()
                    .stream()
                    .mapToLong(info -> info.offset())
                    .sum();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end offsets of " + TOPIC, e);
        }
    }

    private List<TopicPartition> partitions()
            throws InterruptedException, ExecutionException, TimeoutException {
        if (partitions == null) {
            var description =
                    admin.describeTopics(List.of(TOPIC))
                            .allTopicNames()
                            .get(ADMIN_TIMEOUT_S, TimeUnit.SECONDS)
                            .get(TOPIC);
            partitions =
                    description.partitions().stream()
                            .map(info -> new TopicPartition(TOPIC, info.partition()))
                            .toList();
        }
        return partitions;
    }

    @Override
    public void close() throws SQLException {
        admin.close();
        database.close();
    }
}
