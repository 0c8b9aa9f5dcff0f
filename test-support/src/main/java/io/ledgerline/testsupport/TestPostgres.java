package io.ledgerline.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A real PostgreSQL server for tests, chosen once per JVM: {@code LEDGERLINE_TEST_PG_URL} if set,
 * else a Testcontainers server when a Docker engine answers, else the machine's server on
 * 127.0.0.1:5432, else PostgreSQL binaries from Maven (zonky). Each JVM gets a fresh database of
 * its own, so test runs never see each other's rows.
 */
public final class TestPostgres {

    public static final String URL_ENV = "LEDGERLINE_TEST_PG_URL";
    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
    private static final int CONNECT_TIMEOUT_MS = 500;
    private static Server server;
    private static Database database;

    /** The server's admin connection, without a database name: jdbc URL, user, password. */
    public record Server(String host, int port, String user, String password, String source) {

        String jdbcUrl(String databaseName) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + databaseName;
        }
    }

    public record Database(
            String jdbcUrl, String user, String password, String name, Server server) {}

    private TestPostgres() {}

    /** This JVM's own database, created on first use and dropped when the JVM exits. */
    public static synchronized Database database() {
        if (database == null) {
            var name = "ll_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            database = createDatabase(server(), name);
            var created = database;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(created)));
        }
        return database;
    }

    public static synchronized Server server() {
        if (server == null) {
            server = chooseServer();
            log.info(
                    "Tests use PostgreSQL from {} at {}:{}",
                    server.source(),
                    server.host(),
                    server.port());
        }
        return server;
    }

    private static Server chooseServer() {
        var fromEnv = System.getenv(URL_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromUrl(fromEnv);
        }
        if (dockerAvailable()) {
            var container = new PostgreSQLContainer<>("postgres:15-alpine");
            container.start();
            return new Server(
                    container.getHost(),
                    container.getFirstMappedPort(),
                    container.getUsername(),
                    container.getPassword(),
                    "Testcontainers");
        }
        if (answers("127.0.0.1", 5432)) {
            return new Server("127.0.0.1", 5432, "postgres", "", "the local server");
        }
        return embedded();
    }

    private static Server embedded() {
        try {
            var postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
            return new Server("127.0.0.1", postgres.getPort(), "postgres", "", "embedded binaries");
        } catch (IOException e) {
            throw new IllegalStateException("could not start embedded PostgreSQL", e);
        }
    }

    /**
     * Accepts {@code postgresql://user:password@host:port} or a jdbc URL with user/password
     * parameters.
     */
    static Server fromUrl(String url) {
        var uri = java.net.URI.create(url.replaceFirst("^jdbc:", ""));
        var userInfo = uri.getUserInfo() == null ? "postgres" : uri.getUserInfo();
        var user = userInfo.contains(":") ? userInfo.substring(0, userInfo.indexOf(':')) : userInfo;
        var password = userInfo.contains(":") ? userInfo.substring(userInfo.indexOf(':') + 1) : "";
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        return new Server(uri.getHost(), port, user, password, URL_ENV);
    }

    private static Database createDatabase(Server server, String name) {
        try (var connection =
                        DriverManager.getConnection(
                                server.jdbcUrl("postgres"), server.user(), server.password());
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not create test database " + name + " on " + server, e);
        }
        return new Database(server.jdbcUrl(name), server.user(), server.password(), name, server);
    }

    private static void dropQuietly(Database db) {
        var s = db.server();
        try (var connection =
                        DriverManager.getConnection(s.jdbcUrl("postgres"), s.user(), s.password());
                var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + db.name() + " WITH (FORCE)");
        } catch (SQLException e) {
            log.debug("could not drop {}", db.name(), e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.debug("close failed", e);
        }
    }

    static boolean answers(String host, int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean dockerAvailable() {
        if ("false".equalsIgnoreCase(System.getenv("LEDGERLINE_TEST_DOCKER"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
