package io.ledgerline.infra.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.infra.topics.TopicPlan;
import io.ledgerline.infra.topics.TopicPlan.PlannedTopic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The Kubernetes manifests describe what the code defines, so they cannot drift silently. */
class InfraManifestsTest {

    private static final Path K8S = Path.of("k8s");

    @Test
    void the_topic_plan_config_map_lists_every_registered_topic_with_its_partitions()
            throws IOException {
        assertThat(topicsInConfigMap()).containsExactlyInAnyOrderElementsOf(TopicPlan.forAll());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ledger-service",
                "billing-service",
                "notification-service",
                "gateway-service",
                "portal-bff",
                "llm-stub",
                "auth-server"
            })
    void every_service_has_a_deployment_and_a_service(String service) throws IOException {
        var manifest = Files.readString(K8S.resolve(service + ".yaml"));

        assertThat(manifest)
                .contains(
                        "kind: Deployment",
                        "kind: Service",
                        "name: " + service,
                        "image: ledgerline/" + service + ":");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ledger-service",
                "billing-service",
                "notification-service",
                "gateway-service",
                "portal-bff"
            })
    void every_spring_service_is_probed_on_its_liveness_and_readiness_groups(String service)
            throws IOException {
        var manifest = Files.readString(K8S.resolve(service + ".yaml"));

        assertThat(manifest)
                .contains(
                        "readinessProbe:\n            httpGet: {path: /actuator/health/readiness,",
                        "livenessProbe:\n            httpGet: {path: /actuator/health/liveness,")
                .doesNotContain("path: /actuator/health,");
    }

    @Test
    void every_gateway_replica_is_told_how_many_share_the_budgets() throws IOException {
        var manifest = Files.readString(K8S.resolve("gateway-service.yaml"));
        var replicas = Pattern.compile("(?m)^\\s*replicas:\\s*(\\d+)\\s*$").matcher(manifest);
        var instances =
                Pattern.compile("\\{name: LEDGERLINE_GATEWAY_INSTANCES, value: \"(\\d+)\"\\}")
                        .matcher(manifest);

        assertThat(replicas.find()).as("replicas in gateway-service.yaml").isTrue();
        assertThat(instances.find()).as("LEDGERLINE_GATEWAY_INSTANCES").isTrue();
        assertThat(instances.group(1)).isEqualTo(replicas.group(1));
    }

    private static List<PlannedTopic> topicsInConfigMap() throws IOException {
        var lines = Files.readAllLines(K8S.resolve("topic-plan.yaml"));
        var topics = new ArrayList<PlannedTopic>();
        boolean inTopics = false;
        for (var line : lines) {
            if (line.trim().equals("topics: |")) {
                inTopics = true;
            } else if (inTopics && line.startsWith("    ") && !line.isBlank()) {
                var fields = line.trim().split("\\s+");
                topics.add(new PlannedTopic(fields[0], Integer.parseInt(fields[1])));
            } else if (inTopics) {
                break;
            }
        }
        return topics;
    }
}
