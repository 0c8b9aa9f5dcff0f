package io.ledgerline.systemtests.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * One service of the stack running from its packaged jar as a child process, the way a user's stack
 * runs it: {@code java -jar} with the service's environment variables, its output appended to
 * {@code target/logs/<name>.log}. It can be killed and started again on the same port.
 */
public final class ServiceProcess {

    static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(8);
    private static final int LOG_TAIL_LINES = 60;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final String healthPath;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path log;
    private Process process;

    ServiceProcess(
            String name,
            Path jar,
            int port,
            String healthPath,
            Map<String, String> environment,
            List<String> jvmOptions,
            Path logDirectory) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.healthPath = healthPath;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.log = logDirectory.resolve(name + ".log");
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Empties the log of an earlier run; restarts within a run append to it. */
    void clearLog() {
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new IllegalStateException("could not clear " + log, e);
        }
    }

    /** Starts the process; {@link #awaitHealthy()} waits until it answers. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        var command = new ArrayList<String>();
        command.add(javaExecutable());
        command.add("-Xmx384m");
        command.add("-Daxoniq.update-checker.disabled=true");
        // Faster start-up on a busy machine; neither flag changes what the service does.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(
                    log,
                    "=== starting " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            var builder =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("PORT", String.valueOf(port));
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name + " from " + jar, e);
        }
    }

    /** Polls the health endpoint until it answers 200 (and "UP" where it reports a status). */
    public void awaitHealthy() {
        var deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            var running = process;
            if (running == null || !running.isAlive()) {
                throw new ExitedEarly(
                        name
                                + " exited with "
                                + (running == null ? "no process" : running.exitValue())
                                + " before it became healthy; last lines of "
                                + log
                                + ":\n"
                                + logTail());
            }
            if (healthy()) {
                return;
            }
            sleep(POLL_INTERVAL);
        }
        throw new IllegalStateException(
                name
                        + " did not become healthy within "
                        + START_TIMEOUT
                        + " on port "
                        + port
                        + "; last lines of "
                        + log
                        + ":\n"
                        + logTail());
    }

    private boolean healthy() {
        try {
            var request =
                    HttpRequest.newBuilder(URI.create(baseUrl() + healthPath))
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build();
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && (!healthPath.startsWith("/actuator") || response.body().contains("\"UP\""));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The process ended before it became healthy. */
    static final class ExitedEarly extends IllegalStateException {
        ExitedEarly(String message) {
            super(message);
        }
    }

    /** Ends the process at once, as a crash or {@code kill -9} would. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitFor(process);
        appendToLog("=== killed by the test");
    }

    /** Sends SIGTERM without waiting; {@link #stop()} then waits. */
    synchronized void requestStop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** Asks the process to shut down (SIGTERM), then forces it if it does not. */
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        waitFor(process);
    }

    private static void waitFor(Process process) {
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of this service's log, for failure messages. */
    public String logTail() {
        try {
            var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(
                    "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Whether the log holds {@code text}: lets a test prove a secret was never written. */
    public boolean logContains(String text) {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private void appendToLog(String line) {
        try {
            Files.writeString(
                    log,
                    line + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // The log is a diagnostic aid; a failed marker line changes nothing in the test.
        }
    }

    /**
     * The runnable (Spring Boot repackaged) jar of a module: {@code <module>-<version>.jar}, or the
     * {@code -exec} classifier when the module keeps its plain jar as a library.
     */
    static Path runnableJar(Path moduleTarget, String module, String version) {
        var candidates =
                List.of(
                        moduleTarget.resolve(module + "-" + version + "-exec.jar"),
                        moduleTarget.resolve(module + "-" + version + ".jar"));
        for (var candidate : candidates) {
            if (Files.isRegularFile(candidate) && isRunnable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "no runnable jar of "
                        + module
                        + " in "
                        + moduleTarget
                        + "; package it first: mvn -B -o -pl "
                        + module
                        + " package -DskipTests");
    }

    private static boolean isRunnable(Path jar) {
        try (var file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            return manifest != null
                    && manifest.getMainAttributes().getValue("Main-Class") != null
                    && file.getEntry("BOOT-INF/") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
