package io.ledgerline.gateway.kafka;

import io.ledgerline.contracts.topics.Topic;
import io.ledgerline.contracts.topics.Topics;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import java.util.ArrayList;

/** Topics the gateway reads or writes, and the retry-then-park policy of its consumers. */
@Configuration
public class KafkaSetup {

    static final long RETRY_INTERVAL_MS = 200;
    static final long RETRY_ATTEMPTS = 3;

    @Bean
    KafkaAdmin.NewTopics gatewayTopics() {
        var topics = new ArrayList<NewTopic>();
        for (Topic<?> topic : Topics.ALL) {
            topics.add(TopicBuilder.name(topic.name()).partitions(topic.partitions()).build());
        }
        var ledger = Topics.LEDGER_EVENTS;
        topics.add(
                TopicBuilder.name(ledger.deadLetterName()).partitions(ledger.partitions()).build());
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> template) {
        var recoverer =
                new DeadLetterPublishingRecoverer(
                        template,
                        (record, error) ->
                                new TopicPartition(
                                        record.topic() + Topic.DLT_SUFFIX, record.partition()));
        return new DefaultErrorHandler(
                recoverer, new FixedBackOff(RETRY_INTERVAL_MS, RETRY_ATTEMPTS));
    }
}
