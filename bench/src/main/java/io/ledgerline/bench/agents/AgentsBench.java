package io.ledgerline.bench.agents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.ledgerline.bench.LatencyRecorder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;

/**
 * The agents bench (bench/agents.sh): alert latency from a ledger event to the mail and to the
 * partner's webhook, and call admission latency, printed side by side and written as JSON.
 */
public final class AgentsBench {

    private static final DateTimeFormatter FILE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private AgentsBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--help")) {
            System.out.print(AgentsOptions.USAGE);
            return;
        }
        var options = new AgentsOptions(args);
        var which = options.text("which", "both");
        var startedAt = Instant.now();
        AlertLatency.Result alerts = null;
        CallAdmissionLatency.Result calls = null;
        PurchaseThroughput.Result purchases = null;
        if (which.equals("alerts") || which.equals("both")) {
            System.out.println("Alerts: event -> mail, event -> webhook");
            alerts = new AlertLatency(options).run();
        }
        if (which.equals("calls") || which.equals("both")) {
            System.out.println("Calls: admission latency");
            calls = new CallAdmissionLatency(options).run();
        }
        if (which.equals("purchases")) {
            System.out.println("Purchases: payment confirmed -> credits in the ledger's read side");
            purchases = new PurchaseThroughput(options).run();
        }
        print(startedAt, options.text("machine", "unknown machine"), alerts, calls, purchases);
        write(options, startedAt, alerts, calls, purchases);
        System.exit(0);
    }

    private static void print(
            Instant startedAt,
            String machine,
            AlertLatency.Result alerts,
            CallAdmissionLatency.Result calls,
            PurchaseThroughput.Result purchases) {
        var out = new StringBuilder();
        out.append(
                String.format(
                        Locale.ROOT, "%nAgents benchmark  %s  machine: %s%n", startedAt, machine));
        out.append(
                String.format(
                        Locale.ROOT,
                        "%-34s %9s %9s %9s %8s%n",
                        "figure",
                        "p50 ms",
                        "p99 ms",
                        "max ms",
                        "samples"));
        if (alerts != null) {
            row(out, "event -> mail (GreenMail)", alerts.mail());
            row(out, "event -> webhook (signed POST)", alerts.webhook());
            out.append(
                    String.format(
                            Locale.ROOT,
                            "  %d crossings at %d/s; missing: %d mails, %d webhooks; bad signatures: %d%n",
                            alerts.published(),
                            alerts.ratePerSecond(),
                            alerts.mailsMissing(),
                            alerts.webhooksMissing(),
                            alerts.badSignatures()));
        }
        if (calls != null) {
            row(out, "call start (admission)", calls.start());
            row(out, "call extend", calls.extend());
            row(out, "call end (rate, settle)", calls.end());
            out.append(
                    String.format(
                            Locale.ROOT,
                            "  %d calls/s for %d s over %d customers, refused %d; start p99 target <= %.0f ms: %s%n",
                            calls.ratePerSecond(),
                            calls.seconds(),
                            calls.customers(),
                            calls.refused(),
                            CallAdmissionLatency.TARGET_START_P99_MS,
                            calls.start().p99Ms() <= CallAdmissionLatency.TARGET_START_P99_MS
                                    ? "met"
                                    : "NOT met"));
        }
        if (purchases != null) {
            row(out, "payment confirmed -> credits visible", purchases.lag());
            row(out, "purchase answered (202)", purchases.purchaseAnswer());
            out.append(
                    String.format(
                            Locale.ROOT,
                            "  %.1f purchases/s end to end (%d in %d s, %d clients), failed %d%n",
                            purchases.perSecond(),
                            purchases.completed(),
                            purchases.seconds(),
                            purchases.clients(),
                            purchases.failed()));
        }
        System.out.print(out);
    }

    private static void row(StringBuilder out, String name, LatencyRecorder.Summary summary) {
        out.append(
                String.format(
                        Locale.ROOT,
                        "%-34s %9.1f %9.1f %9.1f %8d%n",
                        name,
                        summary.p50Ms(),
                        summary.p99Ms(),
                        summary.maxMs(),
                        summary.samples()));
    }

    private static void write(
            AgentsOptions options,
            Instant startedAt,
            AlertLatency.Result alerts,
            CallAdmissionLatency.Result calls,
            PurchaseThroughput.Result purchases)
            throws Exception {
        var report = new LinkedHashMap<String, Object>();
        report.put("startedAt", startedAt.toString());
        report.put("machine", options.text("machine", "unknown machine"));
        if (alerts != null) {
            report.put("alerts", alerts.json());
        }
        if (calls != null) {
            report.put("calls", calls.json());
        }
        if (purchases != null) {
            report.put("purchases", purchases.json());
        }
        var dir = Path.of(options.text("results-dir", "bench/results"));
        Files.createDirectories(dir);
        var file = dir.resolve("agents-" + FILE_STAMP.format(startedAt) + ".json");
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), report);
        System.out.println("Written to " + file);
    }
}
