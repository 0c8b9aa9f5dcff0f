package io.ledgerline.systemtests.support;

import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.testsupport.TestKafka;
import io.ledgerline.testsupport.TestPostgres;
import io.ledgerline.testsupport.auth.TestAuthorizationServer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole stack, once per test JVM: a fresh PostgreSQL database, a Kafka broker and the
 * authorization server from test-support, the topics of the contracts' registry, and llm-stub,
 * ledger-service, billing-service and gateway-service started from their jars on free ports, each
 * trusting that authorization server and calling the others with its own client's secret. The
 * processes are destroyed when the JVM exits.
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

    /** A service that exits during start-up (e.g. the shared database is full) gets this many. */
    private static final int START_ATTEMPTS = 5;

    private static final long RESTART_PAUSE_MS = 10_000;
    private static RunningStack instance;
    private static RuntimeException startFailure;

    private final TestPostgres.Database database;
    private final String kafka;
    private final ServiceProcess llmStub;
    private final ServiceProcess ledger;
    private final ServiceProcess billing;
    private final ServiceProcess gateway;
    private final int gatewayManagementPort;
    private final TestAuthorizationServer auth;

    private RunningStack(
            TestPostgres.Database database,
            String kafka,
            TestAuthorizationServer auth,
            Path root,
            Path logs) {
        this.database = database;
        this.kafka = kafka;
        this.auth = auth;
        var common =
                Map.of(
                        "LEDGERLINE_DB_URL", database.jdbcUrl(),
                        "LEDGERLINE_DB_USER", database.user(),
                        "LEDGERLINE_DB_PASSWORD", database.password(),
                        "LEDGERLINE_KAFKA", kafka,
                        "LEDGERLINE_AUTH_URL", auth.url(),
                        "AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        // In the test authorization server every client has the same secret.
        var callsOthers = Map.of("LEDGERLINE_AUTH_CLIENT_SECRET", auth.clientSecret());
        llmStub = service(root, logs, "llm-stub", "/v1/models", Map.of(), List.of());
        ledger =
                service(
                        root,
                        logs,
                        "ledger-service",
                        "/actuator/health",
                        merge(common, pool(6)),
                        List.of());
        var ledgerUrl = Map.of("LEDGERLINE_LEDGER_URL", ledger.baseUrl() + "/api/v1");
        // The management API listens apart from /v1 (and health) on a port of its own.
        gatewayManagementPort = freePort();
        billing =
                service(
                        root,
                        logs,
                        "billing-service",
                        "/actuator/health",
                        merge(common, callsOthers, ledgerUrl, pool(3)),
                        List.of(BILLING_SESSION_TIMEOUT));
        gateway =
                service(
                        root,
                        logs,
                        "gateway-service",
                        "/actuator/health",
                        merge(
                                common,
                                callsOthers,
                                ledgerUrl,
                                pool(3),
                                Map.of(
                                        "LEDGERLINE_LLM_UPSTREAM_URL",
                                        llmStub.baseUrl() + "/v1",
                                        "LEDGERLINE_GATEWAY_MANAGEMENT_PORT",
                                        String.valueOf(gatewayManagementPort))),
                        List.of());
    }

    /** The stack of this JVM, started on first use; a failed start fails every later caller. */
    public static synchronized RunningStack get() {
        if (startFailure != null) {
            throw new IllegalStateException("the stack could not start", startFailure);
        }
        if (instance == null) {
            var root =
                    Path.of(System.getProperty("ledgerline.root", ".."))
                            .toAbsolutePath()
                            .normalize();
            var logs =
                    Path.of(
                            System.getProperty(
                                    "ledgerline.logs",
                                    root.resolve("system-tests/target/logs").toString()));
            var stack =
                    new RunningStack(
                            TestPostgres.database(),
                            TestKafka.bootstrapServers(),
                            TestAuthorizationServer.get(),
                            root,
                            logs);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stopAll, "stop-stack"));
            try {
                stack.startAll();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            instance = stack;
        }
        return instance;
    }

    private void startAll() {
        provisionTopics();
        var all = List.of(llmStub, ledger, billing, gateway);
        all.forEach(ServiceProcess::clearLog);
        all.forEach(ServiceProcess::start);
        all.forEach(RunningStack::awaitHealthyRestartingOnEarlyExit);
    }

    /**
     * The machine's PostgreSQL and CPUs are shared with other stacks: a service that exits while
     * starting (say "too many clients") is started again, a few times, before the run fails.
     */
    private static void awaitHealthyRestartingOnEarlyExit(ServiceProcess service) {
        for (int attempt = 1; ; attempt++) {
            try {
                service.awaitHealthy();
                return;
            } catch (ServiceProcess.ExitedEarly e) {
                if (attempt == START_ATTEMPTS) {
                    throw e;
                }
                System.err.println(e.getMessage() + "\n-> starting it again");
                pause();
                service.start();
            }
        }
    }

    /** At JVM exit: all at once, so the exit does not wait for one shutdown after another. */
    private void stopAll() {
        var all = List.of(gateway, billing, ledger, llmStub);
        all.forEach(ServiceProcess::requestStop);
        all.forEach(ServiceProcess::stop);
    }

    private static void pause() {
        try {
            Thread.sleep(RESTART_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void provisionTopics() {
        var topics = new ArrayList<NewTopic>();
        for (var topic : Topics.ALL) {
            topics.add(new NewTopic(topic.name(), topic.partitions(), (short) 1));
            topics.add(new NewTopic(topic.deadLetterName(), topic.partitions(), (short) 1));
        }
        try (var admin =
                Admin.create(
                        Map.<String, Object>of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            var existing = admin.listTopics().names().get(TOPIC_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            topics.removeIf(topic -> existing.contains(topic.name()));
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
        return new GatewayApi("http://127.0.0.1:" + gatewayManagementPort, gateway.baseUrl());
    }

    /** The secret the services' clients use here, so a test can prove no log shows it. */
    public String clientSecret() {
        return auth.clientSecret();
    }

    /** A connection to the stack's database, for checks no API offers (the event store). */
    public Connection database() throws SQLException {
        return DriverManager.getConnection(
                database.jdbcUrl(), database.user(), database.password());
    }

    /**
     * Runs a copy of the module's jar, so a rebuild of the module while the tests run (or before a
     * restart) cannot pull classes out from under the running process.
     */
    private static ServiceProcess service(
            Path root,
            Path logs,
            String module,
            String health,
            Map<String, String> environment,
            List<String> jvmOptions) {
        var target = root.resolve(module).resolve("target");
        var jar = ServiceProcess.runnableJar(target, module, VERSION);
        var copy = logs.resolveSibling("jars").resolve(module + ".jar");
        try {
            Files.createDirectories(copy.getParent());
            Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("could not copy " + jar + " to " + copy, e);
        }
        return new ServiceProcess(module, copy, freePort(), health, environment, jvmOptions, logs);
    }

    /**
     * The machine's PostgreSQL (100 connections) is shared with other stacks and test runs, so this
     * stack keeps its pools small; the tests' load needs no more.
     */
    private static Map<String, String> pool(int connections) {
        return Map.of("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", String.valueOf(connections));
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
