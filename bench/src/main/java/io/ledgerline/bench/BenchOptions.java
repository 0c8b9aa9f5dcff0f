package io.ledgerline.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one ledger benchmark run does, from {@code --name=value} arguments; every figure has a
 * default that fits a 2-core machine. pgbench's rate is measured by bench/run.sh and handed in so
 * that one report holds both sides of the ratio.
 */
record BenchOptions(
        URI ledgerUrl,
        String authUrl,
        String kafkaBootstrap,
        String dbUrl,
        String dbUser,
        int accounts,
        int clients,
        int batchSize,
        int warmupSeconds,
        int sustainSeconds,
        int singleRatePerSecond,
        int singleSeconds,
        int usageIdSeconds,
        int drainTimeoutSeconds,
        Path resultsDir,
        double pgbenchTps,
        int pgbenchClients,
        int pgbenchSeconds,
        String machine,
        String ledgerSettings,
        long ledgerPid) {

    static final int MAX_BATCH_SIZE = 1_000;

    private static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        var values = new LinkedHashMap<String, String>();
        values.put("ledger-url", "http://127.0.0.1:18081");
        values.put("auth-url", "");
        values.put("kafka", "127.0.0.1:19092");
        values.put("db-url", "jdbc:postgresql://127.0.0.1:5432/ledgerline_bench");
        values.put("db-user", "postgres");
        values.put("accounts", "2000");
        values.put("clients", "8");
        values.put("batch", "200");
        values.put("warmup-seconds", "5");
        values.put("seconds", "20");
        values.put("single-rate", "200");
        values.put("single-seconds", "10");
        values.put("usage-id-seconds", "10");
        values.put("drain-timeout-seconds", "120");
        values.put("results-dir", "bench/results");
        values.put("pgbench-tps", "0");
        values.put("pgbench-clients", "0");
        values.put("pgbench-seconds", "0");
        values.put("machine", Runtime.getRuntime().availableProcessors() + " cores");
        values.put("ledger-settings", "");
        values.put("ledger-pid", "0");
        return values;
    }

    static BenchOptions parse(String[] args) {
        var values = new LinkedHashMap<>(DEFAULTS);
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException(
                        "expected --name=value, got: " + arg + "\n" + usage());
            }
            String name = arg.substring(2, equals);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "\n" + usage());
            }
            values.put(name, arg.substring(equals + 1));
        }
        var options = fromValues(values);
        if (options.batchSize() < 1 || options.batchSize() > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("--batch must be 1-" + MAX_BATCH_SIZE);
        }
        return options;
    }

    private static BenchOptions fromValues(Map<String, String> values) {
        return new BenchOptions(
                URI.create(values.get("ledger-url")),
                values.get("auth-url"),
                values.get("kafka"),
                values.get("db-url"),
                values.get("db-user"),
                positive(values, "accounts"),
                positive(values, "clients"),
                positive(values, "batch"),
                Integer.parseInt(values.get("warmup-seconds")),
                positive(values, "seconds"),
                positive(values, "single-rate"),
                positive(values, "single-seconds"),
                positive(values, "usage-id-seconds"),
                positive(values, "drain-timeout-seconds"),
                Path.of(values.get("results-dir")),
                Double.parseDouble(values.get("pgbench-tps")),
                Integer.parseInt(values.get("pgbench-clients")),
                Integer.parseInt(values.get("pgbench-seconds")),
                values.get("machine"),
                values.get("ledger-settings"),
                Long.parseLong(values.get("ledger-pid")));
    }

    private static int positive(Map<String, String> values, String name) {
        int value = Integer.parseInt(values.get(name));
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1");
        }
        return value;
    }

    static String usage() {
        var text = new StringBuilder("options (default):");
        DEFAULTS.forEach(
                (name, value) -> text.append("\n  --").append(name).append('=').append(value));
        return text.toString();
    }
}
