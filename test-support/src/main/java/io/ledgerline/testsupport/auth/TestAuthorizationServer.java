package io.ledgerline.testsupport.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * The suite's real authorization server for tests: its runnable jar started once per test JVM as a
 * process of its own on a free port, every service client registered with one secret made for this
 * JVM. It exits with the JVM that started it.
 */
public final class TestAuthorizationServer {

    private static final Logger log = LoggerFactory.getLogger(TestAuthorizationServer.class);

    /** The service identities the server knows (its own configuration lists their scopes). */
    public static final List<String> CLIENTS =
            List.of("gateway", "billing", "portal", "agent-runtime", "operator");

    private static TestAuthorizationServer running;

    private final String url;
    private final String secret;

    private TestAuthorizationServer(String url, String secret) {
        this.url = url;
        this.secret = secret;
    }

    public static synchronized TestAuthorizationServer get() {
        if (running == null) {
            running = start();
        }
        return running;
    }

    /** Where it answers, e.g. {@code http://127.0.0.1:40123}; also every token's issuer. */
    public String url() {
        return url;
    }

    /** The secret every client has in this JVM. */
    public String clientSecret() {
        return secret;
    }

    private static TestAuthorizationServer start() {
        var port = freePort();
        var url = "http://127.0.0.1:" + port;
        var secret = randomSecret();
        var log = logFile();
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dledgerline.auth.exit-with-pid=" + ProcessHandle.current().pid());
        command.add("-jar");
        command.add(jar().toString());
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        command.add("--ledgerline.auth.issuer=" + url);
        for (var client : CLIENTS) {
            command.add("--ledgerline.auth.clients." + client + ".secret=" + secret);
        }
        try {
            var process =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                            .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            awaitHealthy(url, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the authorization server", e);
        }
        TestAuthorizationServer.log.info(
                "Tests use the authorization server at {} (log {})", url, log);
        return new TestAuthorizationServer(url, secret);
    }

    private static void awaitHealthy(String url, Process process, File log) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var health = HttpRequest.newBuilder(URI.create(url + "/actuator/health")).build();
        var deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "The authorization server exited while starting; see " + log);
            }
            try {
                var response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        process.destroy();
        throw new IllegalStateException("The authorization server did not start; see " + log);
    }

    /** The runnable jar: on the test classpath (test-support depends on it), else beside us. */
    static Path jar() {
        var onClasspath =
                Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                        .filter(entry -> entry.matches(".*auth-server-[^/\\\\]*-exec\\.jar"))
                        .map(Path::of)
                        .filter(Files::isRegularFile)
                        .findFirst();
        return onClasspath.orElseGet(TestAuthorizationServer::besideUs);
    }

    private static Path besideUs() {
        var target = Path.of("..", "auth-server", "target");
        try (var files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow();
        } catch (IOException | java.util.NoSuchElementException e) {
            throw new IllegalStateException(
                    "The authorization server's jar is not built; run mvn verify (it builds"
                            + " auth-server before the services)",
                    e);
        }
    }

    private static File logFile() {
        var dir = Path.of("target");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve("auth-server-test.log").toFile();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomSecret() {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
