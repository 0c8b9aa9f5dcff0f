package io.ledgerline.bench.gateway;

import java.io.PrintStream;
import java.util.Map;

/** The run's figures as one plain-text table, each target next to the goal. */
final class GatewayTable {

    private static final double ADDED_P50_TARGET_MS = 0.2;
    private static final double ADDED_P99_TARGET_MS = 1.0;
    private static final double THROUGHPUT_TARGET = 0.9;
    private static final double LAG_P99_TARGET_MS = 1_000;
    private static final double DROP_P99_TARGET_MS = 250;

    private final Map<String, OpenLoop.Result> fixedRate;
    private final Map<String, OpenLoop.Result> lowRate;
    private final Map<String, OpenLoop.Result> streaming;
    private final Map<String, ClosedLoop.Result> throughput;
    private final UsageLag.Result lag;
    private final PartnerDrop.Result drop;
    private final Map<String, Object> loads;

    GatewayTable(
            Map<String, OpenLoop.Result> fixedRate,
            Map<String, OpenLoop.Result> lowRate,
            Map<String, OpenLoop.Result> streaming,
            Map<String, ClosedLoop.Result> throughput,
            UsageLag.Result lag,
            PartnerDrop.Result drop,
            Map<String, Object> loads) {
        this.fixedRate = fixedRate;
        this.lowRate = lowRate;
        this.streaming = streaming;
        this.throughput = throughput;
        this.lag = lag;
        this.drop = drop;
        this.loads = loads;
    }

    void print(PrintStream out) {
        printFixedRate(out, fixedRate);
        printFixedRate(out, lowRate);
        out.println();
        out.printf("Streaming, open loop, %d rps, ms%n", streaming.get("direct").rate());
        out.printf(
                "  %-10s %9s %9s %9s %9s %7s%n",
                "target", "TTFB p50", "TTFB p99", "total p50", "total p99", "errors");
        streaming
                .values()
                .forEach(
                        r ->
                                out.printf(
                                        "  %-10s %9.3f %9.3f %9.3f %9.3f %7d%n",
                                        r.target(),
                                        r.firstByte().p50Ms(),
                                        r.firstByte().p99Ms(),
                                        r.total().p50Ms(),
                                        r.total().p99Ms(),
                                        r.httpErrors() + r.ioFailures()));
        out.println();
        var directRps = throughput.get("direct").requestsPerSecond();
        out.printf(
                "Throughput, closed loop, %d connections%n",
                throughput.get("direct").connections());
        throughput
                .values()
                .forEach(
                        r ->
                                out.printf(
                                        "  %-23s %9.0f req/s  %5.2fx direct  "
                                                + "p50 %.3f ms  errors %d%n",
                                        r.target(),
                                        r.requestsPerSecond(),
                                        r.requestsPerSecond() / directRps,
                                        r.latency().p50Ms(),
                                        r.errors()));
        double ratio = throughput.get("gateway").requestsPerSecond() / directRps;
        double pausedRatio =
                throughput.get(GatewayBench.GATEWAY_BILLING_PAUSED).requestsPerSecond() / directRps;
        out.printf(
                "  gateway/direct %.2f (billing paused %.2f)   goal >= 0.9: %s%n",
                ratio, pausedRatio, verdict(ratio >= THROUGHPUT_TARGET));
        out.println();
        out.printf(
                "Usage -> balance (UsageMetered on ledger.events.v1), %d requests: "
                        + "p50 %.1f ms  p99 %.1f ms  max %.1f ms  not seen %d   goal p99 <= 1 s: %s%n",
                lag.requests(),
                lag.lag().p50Ms(),
                lag.lag().p99Ms(),
                lag.lag().maxMs(),
                lag.notSeen(),
                verdict(lag.notSeen() == 0 && lag.lag().p99Ms() <= LAG_P99_TARGET_MS));
        out.printf(
                "  (the gateway's own latency, one request at a time on one connection: "
                        + "p50 %.3f ms  p99 %.3f ms)%n",
                lag.latency().p50Ms(), lag.latency().p99Ms());
        out.printf(
                "Partner drop -> self-service key refused, %d rounds: p50 %.1f ms  p99 %.1f ms"
                        + "  max %.1f ms  timeouts %d   goal p99 <= 250 ms: %s%n",
                drop.rounds(),
                drop.toRefused().p50Ms(),
                drop.toRefused().p99Ms(),
                drop.toRefused().maxMs(),
                drop.timeouts(),
                verdict(drop.timeouts() == 0 && drop.toRefused().p99Ms() <= DROP_P99_TARGET_MS));
        out.printf(
                "Partner top-up -> key accepted again: p50 %.1f ms  p99 %.1f ms%n",
                drop.toAccepted().p50Ms(), drop.toAccepted().p99Ms());
        out.println();
        out.println("Load average (1/5/15 min) before -> after each phase:");
        loads.forEach(
                (phase, load) -> {
                    var map = (Map<?, ?>) load;
                    out.printf("  %-22s %s -> %s%n", phase, map.get("before"), map.get("after"));
                });
    }

    private static void printFixedRate(PrintStream out, Map<String, OpenLoop.Result> results) {
        var direct = results.get("direct");
        out.println();
        out.printf(
                "Fixed rate, open loop (latency from the intended send time), %d rps, ms%n",
                direct.rate());
        out.printf(
                "  %-23s %8s %9s %9s %9s %7s  %s%n",
                "target", "samples", "p50", "p99", "max", "errors", "kept the rate?");
        results.values()
                .forEach(
                        r ->
                                out.printf(
                                        "  %-23s %8d %9.3f %9.3f %9.3f %7d  %s%n",
                                        r.target(),
                                        r.total().samples(),
                                        r.total().p50Ms(),
                                        r.total().p99Ms(),
                                        r.total().maxMs(),
                                        r.httpErrors() + r.ioFailures(),
                                        r.saturated()
                                                ? String.format(
                                                        "NO: saturated, ~%.0f rps done",
                                                        r.completedRps())
                                                : "yes"));
        for (var name : new String[] {"gateway", GatewayBench.GATEWAY_BILLING_PAUSED, "nginx"}) {
            if (!results.containsKey(name)) {
                continue;
            }
            var through = results.get(name).total();
            double p50 = through.p50Ms() - direct.total().p50Ms();
            double p99 = through.p99Ms() - direct.total().p99Ms();
            boolean met =
                    !results.get(name).saturated()
                            && p50 <= ADDED_P50_TARGET_MS
                            && p99 <= ADDED_P99_TARGET_MS;
            out.printf(
                    "  added by %-23s p50 %+10.3f ms  p99 %+10.3f ms%s%n",
                    name,
                    p50,
                    p99,
                    name.startsWith("gateway")
                            ? "   goal p50 <= 0.2, p99 <= 1.0: " + verdict(met)
                            : "");
        }
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }
}
