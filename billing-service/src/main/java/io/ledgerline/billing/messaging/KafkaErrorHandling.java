package io.ledgerline.billing.messaging;

import io.ledgerline.billing.ledgerclient.LedgerUnavailableException;
import io.ledgerline.billing.metering.PoisonRecordException;
import io.ledgerline.contracts.topics.Topic;

import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How every billing consumer fails. A ledger that is down is waited for, with back-off and without
 * limit: the record stays unacknowledged, so nothing is charged late by being skipped. Anything
 * else is tried a few times and then parked on {@code <topic>.dlt} with its error. Poison
 * (unreadable, wrong type, invalid) goes to the dead-letter topic at once.
 */
@Configuration
class KafkaErrorHandling {

    static final long RETRY_INTERVAL_MS = 500;
    static final long RETRY_ATTEMPTS = 2;
    static final long LEDGER_WAIT_INITIAL_MS = 200;
    static final double LEDGER_WAIT_GROWTH_RATIO = 2.0;
    static final long LEDGER_WAIT_MAX_INTERVAL_MS = 5_000;

    /** The dead-letter record goes to any partition of the companion topic. */
    private static final int ANY_PARTITION = -1;

    @Bean
    DefaultErrorHandler billingErrorHandler(KafkaTemplate<String, byte[]> template) {
        var recoverer =
                new DeadLetterPublishingRecoverer(
                        template,
                        (record, error) ->
                                new TopicPartition(
                                        record.topic() + Topic.DLT_SUFFIX, ANY_PARTITION));
        var handler =
                new DefaultErrorHandler(
                        recoverer, new FixedBackOff(RETRY_INTERVAL_MS, RETRY_ATTEMPTS));
        handler.setBackOffFunction(
                (record, error) -> causedByLedgerOutage(error) ? waitForLedger() : null);
        handler.addNotRetryableExceptions(PoisonRecordException.class, ArithmeticException.class);
        return handler;
    }

    private static BackOff waitForLedger() {
        var backOff = new ExponentialBackOff(LEDGER_WAIT_INITIAL_MS, LEDGER_WAIT_GROWTH_RATIO);
        backOff.setMaxInterval(LEDGER_WAIT_MAX_INTERVAL_MS);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }

    private static boolean causedByLedgerOutage(Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof LedgerUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
