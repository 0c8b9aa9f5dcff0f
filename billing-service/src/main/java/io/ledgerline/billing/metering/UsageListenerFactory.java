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
 * metered, polls bounded so one poll stays well inside the ledger's batch limit and read timeout.
 * Everything else (error handler, concurrency) is the application's Kafka configuration.
 */
@Configuration
class UsageListenerFactory {

    static final String NAME = "usageBatchListenerFactory";

    /** Records per poll: at most two ledger commands each, so one ledger batch per poll. */
    static final int MAX_POLL_RECORDS = 500;

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
        properties.setKafkaConsumerProperties(overrides);
        return factory;
    }
}
