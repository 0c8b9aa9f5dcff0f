package io.ledgerline.notification.messaging;

import io.ledgerline.contracts.topics.Topic;

import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How every consumer of this service fails. A database hiccup is retried with back-off for a while;
 * whatever still fails, and poison (unreadable, wrong type, missing fields) at once, is parked on
 * {@code <topic>.dlt} with its error, and the consumer goes on with the next record.
 */
@Configuration
class KafkaErrorHandling {

    static final long RETRY_INITIAL_MS = 200;
    static final double RETRY_GROWTH_RATIO = 2.0;
    static final long RETRY_MAX_INTERVAL_MS = 5_000;
    static final long RETRY_MAX_ELAPSED_MS = 60_000;

    /** The dead-letter record goes to any partition of the companion topic. */
    private static final int ANY_PARTITION = -1;

    @Bean
    DefaultErrorHandler notificationErrorHandler(KafkaTemplate<String, byte[]> template) {
        var recoverer =
                new DeadLetterPublishingRecoverer(
                        template,
                        (record, error) ->
                                new TopicPartition(
                                        record.topic() + Topic.DLT_SUFFIX, ANY_PARTITION));
        var backOff = new ExponentialBackOff(RETRY_INITIAL_MS, RETRY_GROWTH_RATIO);
        backOff.setMaxInterval(RETRY_MAX_INTERVAL_MS);
        backOff.setMaxElapsedTime(RETRY_MAX_ELAPSED_MS);
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(
                PoisonRecordException.class, IllegalArgumentException.class);
        return handler;
    }
}
