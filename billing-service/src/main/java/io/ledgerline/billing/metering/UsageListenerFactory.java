package io.ledgerline.billing.metering;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

import java.util.Properties;

/**
 * The container factory of the usage listener: batch listener, offsets committed once a poll is
 * metered, polls bounded so one poll stays well inside the ledger's batch limit and read timeout,
 * fetches that wait a moment for a batch worth booking. Everything else (error handler,
 * concurrency) is the application's Kafka configuration.
 */
@Configuration
class UsageListenerFactory {

    static final String NAME = "usageBatchListenerFactory";

    /** Records per poll: at most two ledger commands each, so one ledger batch per poll. */
    static final int MAX_POLL_RECORDS = 500;

    /**
     * A fetch waits up to this long for {@link #FETCH_MIN_BYTES} of usage (about 100 events).
     * Without it, at a few hundred requests per second every poll carried one or two events, and
     * each became its own ledger batch: measured at 200 rps on two cores, billing and the ledger
     * used 1.4 to 2.3 times the CPU, and the gateway next to them added 17 to 22 ms instead of 6 ms
     * at p99 (bench/GATEWAY.md). Usage reaches the balance at most this much later.
     */
    static final int FETCH_MAX_WAIT_MS = 25;

    static final int FETCH_MIN_BYTES = 64 * 1024;

    @Bean(NAME)
    ConcurrentKafkaListenerContainerFactory<Object, Object> usageBatchListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumers) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        var properties = factory.getContainerProperties();
        properties.setAckMode(AckMode.BATCH);
        var overrides = new Properties();
        overrides.setProperty(
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(MAX_POLL_RECORDS));
        overrides.setProperty(
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, String.valueOf(FETCH_MAX_WAIT_MS));
        overrides.setProperty(
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, String.valueOf(FETCH_MIN_BYTES));
        properties.setKafkaConsumerProperties(overrides);
        return factory;
    }
}
