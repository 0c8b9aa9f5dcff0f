package io.ledgerline.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker for tests, chosen once per JVM: {@code LEDGERLINE_TEST_KAFKA} (bootstrap
 * servers) if set, else a Testcontainers broker when a Docker engine answers, else an embedded
 * KRaft broker running Kafka's own server code in this JVM.
 */
public final class TestKafka {

    public static final String BOOTSTRAP_ENV = "LEDGERLINE_TEST_KAFKA";
    private static final Logger log = LoggerFactory.getLogger(TestKafka.class);
    private static final int DEFAULT_PARTITIONS = 3;
    private static String bootstrapServers;

    private TestKafka() {}

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = chooseBroker();
        }
        return bootstrapServers;
    }

    private static String chooseBroker() {
        var fromEnv = System.getenv(BOOTSTRAP_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            log.info("Tests use the Kafka broker at {} ({})", fromEnv, BOOTSTRAP_ENV);
            return fromEnv;
        }
        if (TestPostgres.dockerAvailable()) {
            var container = new KafkaContainer("apache/kafka-native:3.8.0");
            container.start();
            log.info(
                    "Tests use a Testcontainers Kafka broker at {}",
                    container.getBootstrapServers());
            return container.getBootstrapServers();
        }
        var embedded = startEmbedded(0);
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::destroy));
        log.info("Tests use an embedded KRaft broker at {}", embedded.getBrokersAsString());
        return embedded.getBrokersAsString();
    }

    /**
     * Starts a fresh embedded KRaft broker of this test's own (for tests that stop and restart a
     * broker). Port 0 picks a free port; a fixed port lets a restarted broker take the old address.
     */
    public static EmbeddedKafkaKraftBroker startEmbedded(int port) {
        return startEmbedded(port, DEFAULT_PARTITIONS);
    }

    public static EmbeddedKafkaKraftBroker startEmbedded(int port, int partitions) {
        var broker = new EmbeddedKafkaKraftBroker(1, partitions);
        var properties =
                new java.util.HashMap<String, String>(
                        java.util.Map.of(
                                "auto.create.topics.enable", "true",
                                "num.partitions", String.valueOf(partitions),
                                "offsets.topic.replication.factor", "1",
                                "transaction.state.log.replication.factor", "1",
                                "transaction.state.log.min.isr", "1"));
        if (port > 0) {
            // Under KRaft the broker's kafkaPorts setting is ignored; the listener decides.
            properties.put(
                    "listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0");
        }
        broker.brokerProperties(properties);
        broker.afterPropertiesSet();
        return broker;
    }
}
