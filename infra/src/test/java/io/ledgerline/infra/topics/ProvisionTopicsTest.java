package io.ledgerline.infra.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.contracts.topics.Topic;
import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.infra.topics.TopicProvisioner.Change;
import io.ledgerline.infra.topics.TopicProvisioner.Outcome;
import io.ledgerline.testsupport.TestKafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Given a real broker, when the topics are provisioned, then the contracts' plan exists on it. */
class ProvisionTopicsTest {

    private static Admin admin;

    @BeforeAll
    static void connect() {
        admin = Admin.create(ProvisionTopics.adminConfig(TestKafka.bootstrapServers()));
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @Test
    void creates_every_registered_topic_and_its_dead_letter_topic_with_the_same_partitions()
            throws Exception {
        new TopicProvisioner(admin, (short) 1).provision(TopicPlan.forAll());

        var names =
                Topics.ALL.stream()
                        .flatMap(topic -> Stream.of(topic.name(), topic.deadLetterName()))
                        .toList();
        awaitMetadata()
                .untilAsserted(
                        () -> {
                            var described = describe(names);
                            for (var topic : Topics.ALL) {
                                assertThat(described.get(topic.name()).partitions())
                                        .as(topic.name())
                                        .hasSize(topic.partitions());
                                assertThat(described.get(topic.deadLetterName()).partitions())
                                        .as(topic.deadLetterName())
                                        .hasSize(topic.partitions());
                            }
                        });
    }

    @Test
    void a_second_run_changes_nothing() throws Exception {
        var provisioner = new TopicProvisioner(admin, (short) 1);
        provisioner.provision(TopicPlan.forAll());
        awaitMetadata()
                .until(
                        () ->
                                describe(
                                                        TopicPlan.forAll().stream()
                                                                .map(TopicPlan.PlannedTopic::name)
                                                                .toList())
                                                .size()
                                        == Topics.ALL.size() * 2);

        var again = provisioner.provision(TopicPlan.forAll());

        assertThat(again).extracting(Outcome::change).containsOnly(Change.UNCHANGED);
        assertThat(again).hasSize(Topics.ALL.size() * 2);
    }

    @Test
    void grows_a_topic_that_exists_with_fewer_partitions_than_planned() throws Exception {
        var name = "grow-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(name, 1, (short) 1)))
                .all()
                .get(30, TimeUnit.SECONDS);
        awaitMetadata().until(() -> describe(List.of(name)).containsKey(name));
        List<Topic<?>> registry = List.of(new Topic<>(name, "test key", String.class, 1, 4));

        var outcomes =
                new TopicProvisioner(admin, (short) 1).provision(TopicPlan.forTopics(registry));

        assertThat(outcomes)
                .containsExactly(
                        new Outcome(name, 4, Change.GREW),
                        new Outcome(name + ".dlt", 4, Change.CREATED));
        awaitMetadata()
                .untilAsserted(
                        () -> {
                            var described = describe(List.of(name, name + ".dlt"));
                            assertThat(described.get(name).partitions()).hasSize(4);
                            assertThat(described.get(name + ".dlt").partitions()).hasSize(4);
                        });
    }

    /** A broker applies new metadata shortly after the admin call returns; wait for it. */
    private static ConditionFactory awaitMetadata() {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .ignoreException(ExecutionException.class);
    }

    private static Map<String, TopicDescription> describe(List<String> names) throws Exception {
        return admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
    }
}
