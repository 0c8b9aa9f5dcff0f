package io.ledgerline.infra.topics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.Map;

/**
 * Creates every Ledgerline topic and its {@code .dlt} companion on a broker.
 *
 * <p>Usage: {@code ProvisionTopics [bootstrap-servers] [replication-factor]}; the servers default
 * to {@code LEDGERLINE_KAFKA}, else 127.0.0.1:9092. Exits non-zero when the broker cannot be
 * reached.
 */
public final class ProvisionTopics {

    static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";
    private static final int REQUEST_TIMEOUT_MS = 10_000;
    private static final int API_TIMEOUT_MS = 60_000;

    private ProvisionTopics() {}

    public static void main(String[] args) throws Exception {
        var bootstrap = args.length > 0 ? args[0] : envOr("LEDGERLINE_KAFKA", DEFAULT_BOOTSTRAP);
        short replicationFactor = args.length > 1 ? Short.parseShort(args[1]) : 1;
        try (var admin = Admin.create(adminConfig(bootstrap))) {
            var provisioner = new TopicProvisioner(admin, replicationFactor);
            var outcomes = provisioner.provision(TopicPlan.forAll());
            for (var outcome : outcomes) {
                System.out.printf(
                        "  %-24s %2d partitions  %s%n",
                        outcome.topic(),
                        outcome.partitions(),
                        outcome.change().name().toLowerCase());
            }
        } catch (Exception e) {
            System.err.println("could not provision topics on " + bootstrap + ": " + e);
            System.exit(1);
        }
    }

    static Map<String, Object> adminConfig(String bootstrap) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS);
    }

    private static String envOr(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
