package io.ledgerline.ledger.publish;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.util.Map;

/**
 * The Kafka publisher: its own tracking processor, split into segments by account (each account's
 * events stay in one segment, so they leave in order) with a thread per segment, and one idempotent
 * producer that waits for all in-sync replicas, shared by the segments.
 */
@org.springframework.context.annotation.Configuration
class PublisherConfiguration {

    /** How long one send may take before the batch counts as failed and is retried. */
    static final int DELIVERY_TIMEOUT_MS = 15_000;

    static final int REQUEST_TIMEOUT_MS = 5_000;
    static final int MAX_BLOCK_MS = 5_000;

    @Bean(destroyMethod = "close")
    LedgerEventPublisher ledgerEventPublisher(
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${ledgerline.publisher.linger-ms:5}") int lingerMs,
            @Value("${ledgerline.publisher.producer-batch-bytes:262144}") int batchBytes) {
        Map<String, Object> settings =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ProducerConfig.CLIENT_ID_CONFIG, "ledger-kafka-publisher",
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                        ProducerConfig.LINGER_MS_CONFIG, lingerMs,
                        ProducerConfig.BATCH_SIZE_CONFIG, batchBytes,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        return new LedgerEventPublisher(
                () ->
                        new KafkaProducer<>(
                                settings, new StringSerializer(), new ByteArraySerializer()));
    }

    /**
     * The processor's name can be changed so that a second application context in one JVM (a test
     * against its own broker) tracks its own position instead of sharing the main one.
     */
    @Bean
    ConfigurerModule ledgerKafkaPublisherProcessor(
            @Value("${ledgerline.publisher.processor-name:ledger-kafka-publisher}") String name,
            @Value("${ledgerline.publisher.batch-size:500}") int batchSize,
            @Value("${ledgerline.publisher.segments:2}") int segments) {
        return configurer ->
                configurer.eventProcessing(
                        processing ->
                                processing
                                        .assignProcessingGroup(
                                                KafkaPublishingHandler.PROCESSING_GROUP, name)
                                        .registerTrackingEventProcessor(
                                                name,
                                                Configuration::eventStore,
                                                config ->
                                                        TrackingEventProcessorConfiguration
                                                                .forParallelProcessing(segments)
                                                                .andInitialSegmentsCount(segments)
                                                                .andBatchSize(batchSize))
                                        .registerListenerInvocationErrorHandler(
                                                KafkaPublishingHandler.PROCESSING_GROUP,
                                                config -> PropagatingErrorHandler.instance()));
    }
}
