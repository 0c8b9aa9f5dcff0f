package io.ledgerline.infra.topics;

import io.ledgerline.contracts.topics.Topic;
import io.ledgerline.contracts.topics.Topics;

import java.util.ArrayList;
import java.util.List;

/**
 * The topics a Ledgerline cluster needs: every topic of the contracts' registry and its dead-letter
 * companion with as many partitions, so a parked record keeps its source partition.
 */
public final class TopicPlan {

    private TopicPlan() {}

    /** One topic to exist with at least this many partitions. */
    public record PlannedTopic(String name, int partitions) {}

    public static List<PlannedTopic> forAll() {
        return forTopics(Topics.ALL);
    }

    static List<PlannedTopic> forTopics(List<Topic<?>> topics) {
        var planned = new ArrayList<PlannedTopic>();
        for (var topic : topics) {
            planned.add(new PlannedTopic(topic.name(), topic.partitions()));
            planned.add(new PlannedTopic(topic.deadLetterName(), topic.partitions()));
        }
        return List.copyOf(planned);
    }
}
