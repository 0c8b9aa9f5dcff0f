package io.ledgerline.systemtests.support;

import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.testsupport.TestKafka;
import io.ledgerline.testsupport.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The whole stack, once per test JVM: a fresh PostgreSQL database and a Kafka broker from
 * test-support, the topics of the contracts' registry, and llm-stub, ledger-service,
 * billing-service and gateway-service started from their jars on free ports. The processes are
 * destroyed when the JVM exits.
 */
public final class RunningStack {

    private static final String VERSION = "0.1.0-SNAPSHOT";
    private static final int TOPIC_TIMEOUT_SECONDS = 30;
    /**
     * Lets a restarted billing-service take over the partitions of the one a test killed within
     * seconds rather than Kafka's default 45 s session timeout; nothing else differs.
     */
    private static final String BILLING_SESSION_TIMEOUT =
            "-Dspring.kafka.consumer.properties[session.timeout.ms]=10000";
    private static RunningStack instance;

    private final TestPostgres.Database database;
    private final String kafka;
    private final ServiceProcess llmStub;
    private final ServiceProcess ledger;
    private final ServiceProcess billing;
    private final ServiceProcess gateway;

    private RunningStack(TestPostgres.Database database, String kafka, Path root, Path logs) {
        this.database = database;
        this.kafka = kafka;
        var common = Map.of(
                "LEDGERLINE_DB_URL", database.jdbcUrl(),
                "LEDGERLINE_DB_USER", database.user(),
                "LEDGERLINE_DB_PASSWORD", database.password(),
                "LEDGERLINE_KAFKA", kafka,
                "AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        llmStub = service(root, logs, "llm-stub", "/v1/models", Map.of(), List.of());
        ledger = service(root, logs, "ledger-service", "/actuator/health", common, List.of());
        var ledgerUrl = Map.of("LEDGERLINE_LEDGER_URL", ledger.baseUrl() + "/api/v1");
        billing = service(root, logs, "billing-service", "/actuator/health",
                merge(common, ledgerUrl), List.of(BILLING_SESSION_TIMEOUT));
        gateway = service(root, logs, "gateway-service", "/actuator/health",
                merge(common, ledgerUrl, Map.of(
                        "LEDGERLINE_LLM_UPSTREAM_URL", llmStub.baseUrl() + "/v1")),
                List.of());
    }

    /** The stack of this JVM, started on first use. */
    public static synchronized RunningStack get() {
        if (instance == null) {
            var root = Path.of(System.getProperty("ledgerline.root", "..")).toAbsolutePath()
                    .normalize();
            var logs = Path.of(System.getProperty("ledgerline.logs",
                    root.resolve("system-tests/target/logs").toString()));
            var stack = new RunningStack(TestPostgres.database(), TestKafka.bootstrapServers(),
                    root, logs);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stopAll, "stop-stack"));
            stack.startAll();
            instance = stack;
        }
        return instance;
    }

    private void startAll() {
        provisionTopics();
        var all = List.of(llmStub, ledger, billing, gateway);
        all.forEach(ServiceProcess::clearLog);
        all.forEach(ServiceProcess::start);
        all.forEach(ServiceProcess::awaitHealthy);
    }

    /** At JVM exit: all at once, so the exit does not wait for one graceful shutdown after another. */
    private void stopAll() {
        var all = List.of(gateway, billing, ledger, llmStub);
        all.forEach(ServiceProcess::requestStop);
        all.forEach(ServiceProcess::stop);
    }

    private void provisionTopics() {
        var topics = new ArrayList<NewTopic>();
        for (var topic : Topics.ALL) {
            topics.add(new NewTopic(topic.name(), topic.partitions(), (short) 1));
            topics.add(new NewTopic(topic.deadLetterName(), topic.partitions(), (short) 1));
        }
        try (var admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            admin.createTopics(topics).all().get(TOPIC_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the topics on " + kafka, e);
        }
    }

    public ServiceProcess llmStub() {
        return llmStub;
    }

    public ServiceProcess ledger() {
        return ledger;
    }

    public ServiceProcess billing() {
        return billing;
    }

    public ServiceProcess gateway() {
        return gateway;
    }

    public String kafkaBootstrapServers() {
        return kafka;
    }

    public LedgerApi ledgerApi() {
        return new LedgerApi(ledger.baseUrl() + "/api/v1");
    }

    public GatewayApi gatewayApi() {
        return new GatewayApi(gateway.baseUrl());
    }

    /** A connection to the stack's database, for checks no API offers (the event store). */
    public Connection database() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    private static ServiceProcess service(Path root, Path logs, String module, String health,
            Map<String, String> environment, List<String> jvmOptions) {
        var jar = ServiceProcess.runnableJar(root.resolve(module).resolve("target"), module, VERSION);
        return new ServiceProcess(module, jar, freePort(), health, environment, jvmOptions, logs);
    }

    @SafeVarargs
    private static Map<String, String> merge(Map<String, String>... maps) {
        var merged = new java.util.HashMap<String, String>();
        for (var map : maps) {
            merged.putAll(map);
        }
        return merged;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
