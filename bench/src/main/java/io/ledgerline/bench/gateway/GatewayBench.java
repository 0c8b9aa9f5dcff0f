package io.ledgerline.bench.gateway;

import com.fasterxml.jackson.databind.SerializationFeature;

import io.ledgerline.bench.AccessTokens;
import io.ledgerline.bench.LatencyRecorder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The gateway figures of docs/design.md ("Figures") in one run, side by side: added latency at a
 * fixed rate (open loop) against the stub upstream and nginx, streaming, throughput, usage →
 * balance lag and partner drop → keys refused. Started by bench/gateway.sh with the services
 * running.
 */
public final class GatewayBench {

    private static final String HOST = "127.0.0.1";
    private static final String PATH = "/v1/chat/completions";
    private static final long DRAIN_TIMEOUT_MS = 180_000;
    static final String GATEWAY_BILLING_PAUSED = "gateway, billing paused";
    private static final int JIT_ROUND_S = 10;
    private static final double JIT_QUIET_SHARE = 0.05;
    private static final long QUIET_WINDOW_MS = 1_000;
    private static final double QUIET_CPU_S = 0.1;
    private static final long QUIET_TIMEOUT_MS = 120_000;

    private final GatewayOptions options;
    private final Map<String, Object> report = new LinkedHashMap<>();
    private final Map<String, Object> loads = new LinkedHashMap<>();
    private final Map<String, Object> cpu = new LinkedHashMap<>();
    private ProcessCpu processCpu = new ProcessCpu(Map.of(), 100);

    private GatewayBench(GatewayOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(GatewayOptions.USAGE);
            return;
        }
        new GatewayBench(new GatewayOptions(args)).run();
        System.exit(0);
    }

    private void run() throws Exception {
        String run =
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .withZone(ZoneOffset.UTC)
                        .format(Instant.now());
        String model = options.text("model", "gpt-4o-mini");
        int stubPort = options.number("stub-port", -1);
        int nginxPort = options.number("nginx-port", -1);
        int gatewayPort = options.number("gateway-port", -1);
        String kafka = options.text("kafka", null);
        processCpu =
                new ProcessCpu(pids(options.text("pids", "")), options.number("clock-ticks", 100));
        var http =
                new JsonHttp(
                        AccessTokens.from(
                                options.text("auth-url", ""),
                                "ledger.read",
                                "ledger.accounts",
                                "ledger.credits",
                                "gateway.read",
                                "gateway.keys"));
        var setup =
                new GatewaySetup(
                        http,
                        options.text("ledger-url", null),
                        options.text(
                                "gateway-management-url", "http://" + HOST + ":" + gatewayPort),
                        run);
        var keys = setup.create(model);
        report.put("run", run);
        report.put("machine", options.text("machine", "unknown"));
        report.put("model", model);

        String plain =
                "{\"model\":\""
                        + model
                        + "\",\"max_tokens\":16,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello to the bench.\"}]}";
        String streamed = plain.substring(0, plain.length() - 1) + ",\"stream\":true}";
        var direct =
                new Target(
                        "direct",
                        HOST,
                        stubPort,
                        RawHttpConnection.post(HOST, stubPort, PATH, null, plain));
        var nginx =
                new Target(
                        "nginx",
                        HOST,
                        nginxPort,
                        RawHttpConnection.post(HOST, nginxPort, PATH, null, plain));
        var gateway =
                new Target(
                        "gateway",
                        HOST,
                        gatewayPort,
                        RawHttpConnection.post(HOST, gatewayPort, PATH, keys.partnerKey(), plain));
        var gatewayBillingPaused =
                new Target(GATEWAY_BILLING_PAUSED, HOST, gatewayPort, gateway.request());
        var directStream =
                new Target(
                        "direct",
                        HOST,
                        stubPort,
                        RawHttpConnection.post(HOST, stubPort, PATH, null, streamed));
        var gatewayStream =
                new Target(
                        "gateway",
                        HOST,
                        gatewayPort,
                        RawHttpConnection.post(
                                HOST, gatewayPort, PATH, keys.partnerKey(), streamed));
        var selfService =
                new Target(
                        "gateway-self-service",
                        HOST,
                        gatewayPort,
                        RawHttpConnection.post(HOST, gatewayPort, PATH, keys.customerKey(), plain));

        try (var backlog = new BillingBacklog(kafka)) {
            // JIT-compile every path first: a cold target stalls for seconds at 2,000 rps.
            var warmUp = new ClosedLoop(8, Duration.ZERO, Duration.ofSeconds(3));
            for (var target : List.of(direct, nginx, directStream)) {
                phase("warm-up " + target.name(), () -> warmUp.run(target));
            }
            warmUpGateway(List.of(gateway, gatewayStream));
            settle(backlog);
            var openLoop =
                    new OpenLoop(
                            options.number("rate", 2_000),
                            Duration.ofSeconds(options.number("warm-up-s", 5)),
                            Duration.ofSeconds(options.number("seconds", 15)),
                            options.number("connections", 64));
            var fixedRate = new LinkedHashMap<String, OpenLoop.Result>();
            for (var target : List.of(direct, nginx, gateway, gatewayBillingPaused)) {
                fixedRate.put(
                        target.name(),
                        phase(
                                "fixed-rate " + target.name(),
                                () -> pausingBillingFor(target, () -> openLoop.run(target))));
                settle(backlog);
            }
            var lowLoop =
                    new OpenLoop(
                            options.number("low-rate", 200),
                            Duration.ofSeconds(options.number("warm-up-s", 5)),
                            Duration.ofSeconds(options.number("seconds", 15)),
                            options.number("connections", 64));
            var lowRate = new LinkedHashMap<String, OpenLoop.Result>();
            for (var target : List.of(direct, nginx, gateway)) {
                lowRate.put(
                        target.name(),
                        phase("low-rate " + target.name(), () -> lowLoop.run(target)));
                settle(backlog);
            }
            var streamLoop =
                    new OpenLoop(
                            options.number("stream-rate", 100),
                            Duration.ofSeconds(3),
                            Duration.ofSeconds(options.number("stream-seconds", 10)),
                            options.number("connections", 64));
            var streaming = new LinkedHashMap<String, OpenLoop.Result>();
            for (var target : List.of(directStream, gatewayStream)) {
                streaming.put(
                        target.name(),
                        phase("streaming " + target.name(), () -> streamLoop.run(target)));
                settle(backlog);
            }
            var closedLoop =
                    new ClosedLoop(
                            options.number("closed-connections", 32),
                            Duration.ofSeconds(2),
                            Duration.ofSeconds(options.number("closed-seconds", 10)));
            var throughput = new LinkedHashMap<String, ClosedLoop.Result>();
            for (var target : List.of(direct, nginx, gateway, gatewayBillingPaused)) {
                throughput.put(
                        target.name(),
                        phase(
                                "throughput " + target.name(),
                                () -> pausingBillingFor(target, () -> closedLoop.run(target))));
                settle(backlog);
            }
            UsageLag.Result lag;
            report.put("billingBacklogBeforeUsageLag", backlog.lag());
            try (var watcher = new MeteredWatcher(kafka)) {
                var usageLag =
                        new UsageLag(
                                selfService,
                                options.number("lag-requests", 200),
                                options.number("lag-rate", 20),
                                60_000);
                lag = phase("usage-lag", () -> usageLag.run(watcher));
            }
            settle(backlog);
            var drop =
                    new PartnerDrop(
                            setup,
                            selfService,
                            options.number("drop-rounds", 20),
                            options.number("poll-pause-us", 2_000));
            var dropped = phase("partner-drop", drop::run);

            report.put("fixedRate", json(fixedRate));
            report.put("addedLatency", added(fixedRate));
            report.put("lowRate", json(lowRate));
            report.put("addedLatencyAtLowRate", added(lowRate));
            report.put("streaming", json(streaming));
            var throughputJson = new LinkedHashMap<String, Object>();
            throughput.forEach((name, result) -> throughputJson.put(name, result.json()));
            double directRps = throughput.get("direct").requestsPerSecond();
            throughputJson.put(
                    "gatewayToDirect",
                    round(throughput.get("gateway").requestsPerSecond() / directRps));
            throughputJson.put(
                    "gatewayBillingPausedToDirect",
                    round(throughput.get(GATEWAY_BILLING_PAUSED).requestsPerSecond() / directRps));
            throughputJson.put(
                    "nginxToDirect",
                    round(throughput.get("nginx").requestsPerSecond() / directRps));
            report.put("throughput", throughputJson);
            report.put("usageToBalance", lag.json());
            report.put("partnerDropToRefused", dropped.json());
            report.put("loadAverage", loads);
            report.put("cpuSeconds", cpu);
            new GatewayTable(fixedRate, lowRate, streaming, throughput, lag, dropped, loads)
                    .print(System.out);
        }
        var dir = Path.of(options.text("results-dir", "bench/results"));
        Files.createDirectories(dir);
        var file = dir.resolve("gateway-" + run + ".json");
        JsonHttp.JSON
                .copy()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), report);
        System.out.println("Results: " + file);
    }

    /**
     * The gateway is a Spring application with far more code on its path than the stub: its JIT
     * needs much longer, and on a slow machine a fixed warm-up leaves the C2 compiler busy in the
     * measured phases. So after the minimum it warms up in rounds until its compiler threads use
     * less than {@link #JIT_QUIET_SHARE} of a round's time, or the maximum is reached.
     */
    private void warmUpGateway(List<Target> targets) throws Exception {
        var first =
                new ClosedLoop(
                        4,
                        Duration.ZERO,
                        Duration.ofSeconds(options.number("gateway-warm-up-s", 30)));
        for (var target : targets) {
            phase("warm-up " + target.name(), () -> first.run(target));
        }
        var round = new ClosedLoop(4, Duration.ZERO, Duration.ofSeconds(JIT_ROUND_S));
        long deadline =
                System.nanoTime()
                        + Duration.ofSeconds(options.number("gateway-warm-up-max-s", 180))
                                .toNanos();
        int rounds = 0;
        double jitShare;
        do {
            var before = processCpu.threadSeconds("gateway");
            for (var target : targets) {
                round.run(target);
            }
            jitShare =
                    compilerSeconds(before, processCpu.threadSeconds("gateway"))
                            / (JIT_ROUND_S * targets.size());
            rounds++;
            Progress.line(
                    "warm-up gateway",
                    String.format(
                            "round %d: JIT compiler threads used %.0f%% of a core",
                            rounds, jitShare * 100));
        } while (jitShare >= JIT_QUIET_SHARE && System.nanoTime() < deadline);
        report.put(
                "gatewayWarmUp",
                Map.of("extraRounds", rounds, "lastJitShareOfACore", round(jitShare)));
    }

    private static double compilerSeconds(Map<String, Double> before, Map<String, Double> after) {
        double seconds = 0;
        for (var entry : after.entrySet()) {
            if (entry.getKey().contains("CompilerThre")) {
                seconds += entry.getValue() - before.getOrDefault(entry.getKey(), 0.0);
            }
        }
        return seconds;
    }

    private <T> T phase(String name, Callable<T> body) throws Exception {
        String before = LoadAverage.now();
        var cpuBefore = processCpu.seconds();
        var threadsBefore = processCpu.threadSeconds("gateway");
        Progress.line(name, "start (load average " + before + ")");
        long start = System.nanoTime();
        T result = body.call();
        String after = LoadAverage.now();
        var used = ProcessCpu.used(cpuBefore, processCpu.seconds());
        var gatewayThreads = ProcessCpu.top(threadsBefore, processCpu.threadSeconds("gateway"), 5);
        loads.put(name, Map.of("before", before, "after", after));
        cpu.put(name, Map.of("byProcess", used, "gatewayByThreadKind", gatewayThreads));
        Progress.line(
                name,
                String.format(
                        "done in %.1f s (load average %s; CPU s used: %s;"
                                + " gateway threads: %s)",
                        (System.nanoTime() - start) / 1e9, after, used, gatewayThreads));
        return result;
    }

    /** Runs {@code body} with billing stopped when the target says so. */
    private <T> T pausingBillingFor(Target target, Callable<T> body) throws Exception {
        if (!target.name().equals(GATEWAY_BILLING_PAUSED)) {
            return body.call();
        }
        var billingPid = processCpu.pidOf("billing");
        if (billingPid == null) {
            throw new IllegalStateException("--pids must name billing to pause it");
        }
        try (var paused = BillingPause.of(billingPid)) {
            return body.call();
        }
    }

    /**
     * Lets billing rate the phase's usage, and the ledger book and publish it, before the next
     * phase is measured: billing's consumer lag reaches 0 before the ledger's event processors have
     * caught up, and their CPU would land in the next phase.
     */
    private void settle(BillingBacklog backlog) throws Exception {
        double seconds = backlog.drain(DRAIN_TIMEOUT_MS);
        if (seconds > 1) {
            Progress.line("billing", String.format("caught up in %.1f s", seconds));
        }
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(QUIET_TIMEOUT_MS);
        double busy;
        do {
            var before = processCpu.seconds();
            Thread.sleep(QUIET_WINDOW_MS);
            var used = ProcessCpu.used(before, processCpu.seconds());
            busy = used.getOrDefault("ledger", 0.0) + used.getOrDefault("billing", 0.0);
        } while (busy > QUIET_CPU_S && System.nanoTime() < deadline);
        double waited = (System.nanoTime() - start) / 1e9;
        if (waited > 2 * QUIET_WINDOW_MS / 1e3) {
            Progress.line(
                    "metering",
                    String.format(
                            "ledger and billing quiet after %.1f s (last second: %.2f CPU s)",
                            waited, busy));
        }
    }

    /** {@code name=pid,name=pid}: the processes whose CPU time each phase records. */
    private static Map<String, Long> pids(String list) {
        var pids = new LinkedHashMap<String, Long>();
        for (var entry : list.split(",")) {
            var parts = entry.split("=");
            if (parts.length == 2) {
                pids.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        return pids;
    }

    private static Map<String, Object> json(Map<String, OpenLoop.Result> results) {
        var map = new LinkedHashMap<String, Object>();
        results.forEach((name, result) -> map.put(name, result.json()));
        return map;
    }

    private static Map<String, Object> added(Map<String, OpenLoop.Result> fixedRate) {
        var direct = fixedRate.get("direct").total();
        var map = new LinkedHashMap<String, Object>();
        for (var name : List.of("gateway", GATEWAY_BILLING_PAUSED, "nginx")) {
            if (!fixedRate.containsKey(name)) {
                continue;
            }
            var through = fixedRate.get(name).total();
            map.put(
                    name,
                    Map.of(
                            "p50Ms",
                                    LatencyRecorder.Summary.round(through.p50Ms() - direct.p50Ms()),
                            "p99Ms",
                                    LatencyRecorder.Summary.round(
                                            through.p99Ms() - direct.p99Ms())));
        }
        return map;
    }

    private static double round(double ratio) {
        return Math.round(ratio * 1_000) / 1_000.0;
    }
}
