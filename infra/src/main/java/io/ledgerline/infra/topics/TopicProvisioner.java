package io.ledgerline.infra.topics;

import io.ledgerline.infra.topics.TopicPlan.PlannedTopic;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Makes a broker match a {@link TopicPlan}: creates missing topics and grows topics that have fewer
 * partitions than planned. Running it again changes nothing; it never deletes a topic or shrinks
 * one (Kafka cannot), so a topic with more partitions than planned is left as it is.
 */
public final class TopicProvisioner {

    static final long ADMIN_TIMEOUT_SECONDS = 30;
    static final int ATTEMPTS = 3;

    private final Admin admin;
    private final short replicationFactor;

    public TopicProvisioner(Admin admin, short replicationFactor) {
        this.admin = admin;
        this.replicationFactor = replicationFactor;
    }

    /** What a run did to each planned topic. */
    public enum Change {
        CREATED,
        GREW,
        UNCHANGED
    }

    public record Outcome(String topic, int partitions, Change change) {}

    /**
     * Another client (a service with auto-creation on) may create a topic between our listing and
     * our creation; then we look again, since the topic may still need to grow.
     */
    public List<Outcome> provision(List<PlannedTopic> plan)
            throws ExecutionException, InterruptedException, TimeoutException {
        for (int attempt = 1; ; attempt++) {
            try {
                return provisionOnce(plan);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private List<Outcome> provisionOnce(List<PlannedTopic> plan)
            throws ExecutionException, InterruptedException, TimeoutException {
        var existing = admin.listTopics().names().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        var described =
                describe(
                        plan.stream()
                                .map(PlannedTopic::name)
                                .filter(existing::contains)
                                .collect(Collectors.toSet()));
        var outcomes = new ArrayList<Outcome>();
        var toCreate = new ArrayList<NewTopic>();
        for (var topic : plan) {
            var current = described.get(topic.name());
            if (current == null) {
                toCreate.add(new NewTopic(topic.name(), topic.partitions(), replicationFactor));
                outcomes.add(new Outcome(topic.name(), topic.partitions(), Change.CREATED));
            } else if (current.partitions().size() < topic.partitions()) {
                grow(topic);
                outcomes.add(new Outcome(topic.name(), topic.partitions(), Change.GREW));
            } else {
                var partitions = current.partitions().size();
                outcomes.add(new Outcome(topic.name(), partitions, Change.UNCHANGED));
            }
        }
        if (!toCreate.isEmpty()) {
            admin.createTopics(toCreate).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        return List.copyOf(outcomes);
    }

    private void grow(PlannedTopic topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        var increase = NewPartitions.increaseTo(topic.partitions());
        admin.createPartitions(Map.of(topic.name(), increase))
                .all()
                .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private Map<String, TopicDescription> describe(Set<String> names)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (names.isEmpty()) {
            return Map.of();
        }
        return admin.describeTopics(names)
                .allTopicNames()
                .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
