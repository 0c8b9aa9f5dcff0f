package io.ledgerline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The figures of one run, printed as a table and written as JSON with the same values. */
final class BenchReport {

    static final double TARGET_MOVEMENTS_PER_SECOND = 10_000;
    static final double TARGET_RATIO = 2;
    private static final DateTimeFormatter FILE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    record Setup(int accounts, double seconds) {}

    private final BenchOptions options;
    private final Instant startedAt;
    private final Setup setup;
    private final SustainedLoad.Result sustained;
    private final PublishDrain.Result drain;
    private final CatchUp.Result catchUp;
    private final UsageIdCost.Result usageIdCost;
    private final SingleCommandLatency.Result single;
    private final PublishDrain.Result afterAll;

    BenchReport(
            BenchOptions options,
            Instant startedAt,
            Setup setup,
            SustainedLoad.Result sustained,
            PublishDrain.Result drain,
            CatchUp.Result catchUp,
            UsageIdCost.Result usageIdCost,
            SingleCommandLatency.Result single,
            PublishDrain.Result afterAll) {
        this.options = options;
        this.startedAt = startedAt;
        this.setup = setup;
        this.sustained = sustained;
        this.drain = drain;
        this.catchUp = catchUp;
        this.usageIdCost = usageIdCost;
        this.single = single;
        this.afterAll = afterAll;
    }

    /** Movements per second over pgbench's one-row inserts per second; 0 without pgbench. */
    double ratio() {
        return options.pgbenchTps() > 0 ? sustained.movementsPerSecond() / options.pgbenchTps() : 0;
    }

    void print() {
        var out = new StringBuilder();
        line(out, "%nLedger benchmark  %s  machine: %s%n", startedAt, options.machine());
        line(
                out,
                "%-36s %s%n",
                "setup",
                String.format(
                        Locale.ROOT,
                        "%,d partner accounts opened and topped up in %.1f s",
                        setup.accounts(),
                        setup.seconds()));
        line(out, "%-36s %-28s %s%n", "figure", "measured", "target / note");
        line(
                out,
                "%-36s %-28s %s%n",
                "sustained credit movements/s",
                String.format(Locale.ROOT, "%,.0f /s", sustained.movementsPerSecond()),
                String.format(
                        Locale.ROOT,
                        ">= %,.0f  %s",
                        TARGET_MOVEMENTS_PER_SECOND,
                        met(sustained.movementsPerSecond() >= TARGET_MOVEMENTS_PER_SECOND)));
        line(
                out,
                "%-36s %-28s %s%n",
                "  batch latency p50 / p99 / max",
                ms(sustained.batchLatency()),
                String.format(
                        Locale.ROOT,
                        "%d clients x %d commands, %,d batches in %.0f s",
                        options.clients(),
                        options.batchSize(),
                        sustained.batches(),
                        sustained.seconds()));
        line(
                out,
                "%-36s %-28s %s%n",
                "  posted / refused / failed batches",
                String.format(
                        Locale.ROOT,
                        "%,d / %,d / %,d",
                        sustained.posted(),
                        sustained.refused(),
                        sustained.failedBatches()),
                sustained.refusals().isEmpty() ? "" : "refusals: " + sustained.refusals());
        line(
                out,
                "%-36s %-28s %s%n",
                "pgbench one-row insert TPS",
                pgbenchFigure(),
                String.format(
                        Locale.ROOT,
                        "%d clients, %d s, same server",
                        options.pgbenchClients(),
                        options.pgbenchSeconds()));
        line(
                out,
                "%-36s %-28s %s%n",
                "ratio ledger / pgbench",
                String.format(Locale.ROOT, "%.2f x", ratio()),
                String.format(
                        Locale.ROOT, ">= %.0f  %s", TARGET_RATIO, met(ratio() >= TARGET_RATIO)));
        usageIdRows(out);
        line(
                out,
                "%-36s %-28s %s%n",
                "single command p50 / p99 / max",
                ms(single.latency()),
                String.format(
                        Locale.ROOT,
                        "POST /usage, %d/s open loop, %d s, %,d ok, %,d failed",
                        single.ratePerSecond(),
                        single.seconds(),
                        single.ok(),
                        single.failed()));
        line(
                out,
                "%-36s %-28s %s%n",
                "  started after processors caught up",
                String.format(
                        Locale.ROOT,
                        "%.1f s%s",
                        single.startedAfter().secondsAfterLoad(),
                        single.startedAfter().caughtUp() ? "" : " (timed out)"),
                String.format(
                        Locale.ROOT,
                        "%,d events behind at the end of the usage id check",
                        single.startedAfter().behindAtLoadEnd()));
        line(
                out,
                "%-36s %-28s %s%n",
                "CPU: machine busy / ledger / client",
                sustained.cpu().describe(),
                "during the measured load; cores used by each");
        line(
                out,
                "%-36s %-28s %s%n",
                "load average at the end of the load",
                sustained.loadAverage(),
                "1, 5, 15 min, whole machine (this run included)");
        line(
                out,
                "%-36s %-28s %s%n",
                "publish drain after sustained load",
                String.format(
                        Locale.ROOT,
                        "%.1f s%s",
                        drain.drainSeconds(),
                        drain.drained() ? "" : " (timed out)"),
                String.format(
                        Locale.ROOT,
                        "%,d events behind at load end, %,d stored",
                        drain.backlogAtLoadEnd(),
                        drain.storedEvents()));
        line(
                out,
                "%-36s %-28s %s%n",
                "all processors caught up after load",
                String.format(
                        Locale.ROOT,
                        "%.1f s%s",
                        catchUp.secondsAfterLoad(),
                        catchUp.caughtUp() ? "" : " (timed out)"),
                String.format(
                        Locale.ROOT,
                        "slowest was %,d events behind (read side, publisher)",
                        catchUp.behindAtLoadEnd()));
        line(
                out,
                "%-36s %-28s %s%n",
                "events stored / published at end",
                String.format(
                        Locale.ROOT,
                        "%,d / %,d",
                        afterAll.storedEvents(),
                        afterAll.publishedEvents()),
                "ledger.events.v1, all partitions");
        System.out.print(out);
    }

    private void usageIdRows(StringBuilder out) {
        var usage = usageIdCost.usage();
        var deduction = usageIdCost.deduction();
        line(
                out,
                "%-36s %-28s %s%n",
                "MeterUsage only (usage id checked)",
                String.format(Locale.ROOT, "%,.0f /s", usage.movementsPerSecond()),
                "batch p50 / p99 / max " + ms(usage.latency()));
        line(
                out,
                "%-36s %-28s %s%n",
                "DeductCredits only (no usage id)",
                String.format(Locale.ROOT, "%,.0f /s", deduction.movementsPerSecond()),
                "batch p50 / p99 / max " + ms(deduction.latency()));
        line(
                out,
                "%-36s %-28s %s%n",
                "  ratio usage / deduction",
                String.format(Locale.ROOT, "%.2f x", usageIdCost.ratio()),
                String.format(
                        Locale.ROOT,
                        "same movement; phases D U U D, %d s each",
                        options.usageIdSeconds()));
    }

    Path writeJson() throws IOException {
        Files.createDirectories(options.resultsDir());
        Path file =
                options.resultsDir().resolve("ledger-" + FILE_STAMP.format(startedAt) + ".json");
        LedgerClient.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), asMap());
        return file;
    }

    private Map<String, Object> asMap() {
        var report = new LinkedHashMap<String, Object>();
        report.put("benchmark", "ledger");
        report.put("startedAt", startedAt.toString());
        report.put("machine", options.machine());
        report.put("settings", settings());
        report.put(
                "setup", ordered("accounts", setup.accounts(), "seconds", round(setup.seconds())));
        report.put("sustained", sustainedMap());
        report.put(
                "pgbench",
                ordered(
                        "tps",
                        round(options.pgbenchTps()),
                        "clients",
                        options.pgbenchClients(),
                        "seconds",
                        options.pgbenchSeconds()));
        report.put("ratio", round(ratio()));
        report.put(
                "targets",
                ordered(
                        "movementsPerSecond",
                        TARGET_MOVEMENTS_PER_SECOND,
                        "ratio",
                        TARGET_RATIO,
                        "movementsPerSecondMet",
                        sustained.movementsPerSecond() >= TARGET_MOVEMENTS_PER_SECOND,
                        "ratioMet",
                        ratio() >= TARGET_RATIO));
        report.put(
                "usageIdCost",
                ordered(
                        "usage",
                        sideMap(usageIdCost.usage()),
                        "deduction",
                        sideMap(usageIdCost.deduction()),
                        "ratio",
                        round(usageIdCost.ratio())));
        report.put("singleCommand", singleMap());
        report.put("publishDrain", drainMap(drain));
        report.put(
                "catchUp",
                ordered(
                        "lastGlobalIndex",
                        catchUp.lastGlobalIndex(),
                        "behindAtLoadEnd",
                        catchUp.behindAtLoadEnd(),
                        "secondsAfterLoad",
                        round(catchUp.secondsAfterLoad()),
                        "caughtUp",
                        catchUp.caughtUp()));
        report.put("end", drainMap(afterAll));
        return report;
    }

    private Map<String, Object> settings() {
        var settings = new LinkedHashMap<String, Object>();
        settings.put("accounts", options.accounts());
        settings.put("clients", options.clients());
        settings.put("batchSize", options.batchSize());
        settings.put("warmupSeconds", options.warmupSeconds());
        settings.put("seconds", options.sustainSeconds());
        settings.put("singleRatePerSecond", options.singleRatePerSecond());
        settings.put("singleSeconds", options.singleSeconds());
        settings.put("usageIdSeconds", options.usageIdSeconds());
        settings.put("ledgerSettings", options.ledgerSettings());
        return settings;
    }

    private Map<String, Object> sustainedMap() {
        var map = new LinkedHashMap<String, Object>();
        map.put("movementsPerSecond", round(sustained.movementsPerSecond()));
        map.put("posted", sustained.posted());
        map.put("refused", sustained.refused());
        map.put("refusals", sustained.refusals());
        map.put("batches", sustained.batches());
        map.put("failedBatches", sustained.failedBatches());
        map.put("batchLatencyMs", latencyMap(sustained.batchLatency()));
        map.put("loadAverage", sustained.loadAverage());
        map.put(
                "cpu",
                ordered(
                        "machineBusyPercent",
                        round(sustained.cpu().machineBusyPercent()),
                        "ledgerCores",
                        round(sustained.cpu().ledgerCores()),
                        "clientCores",
                        round(sustained.cpu().clientCores())));
        return map;
    }

    private static Map<String, Object> sideMap(UsageIdCost.Side side) {
        return ordered(
                "movementsPerSecond",
                round(side.movementsPerSecond()),
                "posted",
                side.posted(),
                "seconds",
                side.seconds(),
                "batchLatencyMs",
                latencyMap(side.latency()));
    }

    private Map<String, Object> singleMap() {
        var map = new LinkedHashMap<String, Object>();
        map.put("ratePerSecond", single.ratePerSecond());
        map.put("seconds", single.seconds());
        map.put("sent", single.sent());
        map.put("ok", single.ok());
        map.put("failed", single.failed());
        map.put("behindAtStart", single.startedAfter().behindAtLoadEnd());
        map.put("secondsWaitedForCatchUp", round(single.startedAfter().secondsAfterLoad()));
        map.put("latencyMs", latencyMap(single.latency()));
        return map;
    }

    private static Map<String, Object> drainMap(PublishDrain.Result result) {
        var map = new LinkedHashMap<String, Object>();
        map.put("storedEvents", result.storedEvents());
        map.put("publishedEvents", result.publishedEvents());
        map.put("backlogAtStart", result.backlogAtLoadEnd());
        map.put("drainSeconds", round(result.drainSeconds()));
        map.put("drained", result.drained());
        return map;
    }

    private static Map<String, Object> latencyMap(LatencyRecorder.Summary summary) {
        return ordered(
                "samples",
                summary.samples(),
                "p50",
                round(summary.p50Ms()),
                "p99",
                round(summary.p99Ms()),
                "max",
                round(summary.maxMs()));
    }

    private String pgbenchFigure() {
        return options.pgbenchTps() > 0
                ? String.format(Locale.ROOT, "%,.0f /s", options.pgbenchTps())
                : "not measured";
    }

    private static String ms(LatencyRecorder.Summary summary) {
        return String.format(
                Locale.ROOT,
                "%.1f / %.1f / %.1f ms",
                summary.p50Ms(),
                summary.p99Ms(),
                summary.maxMs());
    }

    private static String met(boolean met) {
        return met ? "met" : "NOT met";
    }

    /** A map that keeps its keys in the given order, so the JSON reads like the table. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void line(StringBuilder out, String format, Object... values) {
        out.append(String.format(Locale.ROOT, format, values));
    }
}
