package io.ledgerline.ledger.audit;

import io.ledgerline.ledger.audit.StatementExport.Selection;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The auditor's command, usable against any copy of the ledger database with nothing but a JDBC URL
 * (no Spring, no Axon):
 *
 * <pre>
 *   AuditMain [--db-url URL] [--db-user USER] [--db-password PW] [--schema ledger]
 *             [--read-schema ledger_read] [--skip-projection] [--max-lag EVENTS]
 *             [--grace-seconds SECONDS]
 *   AuditMain export (--account LEDGER_ACCOUNT|HOLDER | --ledger LEDGER) [--from INSTANT]
 *             [--to INSTANT] --format csv|json --out FILE   (plus the database options)
 * </pre>
 *
 * The database defaults come from LEDGERLINE_DB_URL, LEDGERLINE_DB_USER, LEDGERLINE_DB_PASSWORD.
 * Exit status: 0 when the audit passes, 1 on any difference, 2 on a usage or connection error.
 */
public final class AuditMain {

    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/ledgerline";

    /**
     * Events the projection may trail the store by. A healthy read side reaches the head within the
     * grace period, so anything behind after it is a stopped or struggling read side.
     */
    static final long DEFAULT_MAX_LAG_EVENTS = 0;

    static final long DEFAULT_GRACE_SECONDS = 10;

    static final long MAX_GRACE_SECONDS = 600;

    private AuditMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Everything {@link #main} does, without exiting: returns the exit status. */
    public static int run(
            String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Map<String, String> options;
        boolean export = args.length > 0 && args[0].equals("export");
        try {
            options = parse(args, export ? 1 : 0);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return USAGE;
        }
        try (var connection = connect(options, env)) {
            return export ? export(connection, options, out) : audit(connection, options, out);
        } catch (IllegalArgumentException | DateTimeException e) {
            err.println(e.getMessage());
            return USAGE;
        } catch (SQLException | IOException e) {
            err.println("audit could not run: " + e.getMessage());
            return USAGE;
        }
    }

    private static int audit(Connection connection, Map<String, String> options, PrintStream out)
            throws SQLException {
        var replayOptions =
                new AuditReplay.Options(
                        options.getOrDefault("schema", "ledger"),
                        options.getOrDefault("read-schema", "ledger_read"),
                        !options.containsKey("skip-projection"),
                        number(options, "max-lag", DEFAULT_MAX_LAG_EVENTS, Long.MAX_VALUE),
                        number(options, "grace-seconds", DEFAULT_GRACE_SECONDS, MAX_GRACE_SECONDS)
                                * 1_000);
        out.println("Audit replay of schema " + replayOptions.eventSchema());
        var summary = AuditReplay.run(connection, replayOptions, out);
        summary.print(out);
        return summary.passed() ? PASSED : FAILED;
    }

    private static int export(Connection connection, Map<String, String> options, PrintStream out)
            throws SQLException, IOException {
        var selection = selection(options);
        var from = Instant.parse(options.getOrDefault("from", Instant.EPOCH.toString()));
        var to = Instant.parse(options.getOrDefault("to", Instant.now().toString()));
        var format = required(options, "format");
        if (!format.equals("csv") && !format.equals("json")) {
            throw new IllegalArgumentException("--format must be csv or json: " + format);
        }
        var target = Path.of(required(options, "out"));
        var export = new StatementExport(selection, from, to);
        EventStoreReader.forEach(
                connection,
                options.getOrDefault("schema", "ledger"),
                stored -> export.accept(stored, StoredEventDecoder.event(stored)));
        var statement = export.statement();
        try (var file = Files.newOutputStream(target)) {
            if (format.equals("csv")) {
                StatementWriter.csv(statement, file);
            } else {
                StatementWriter.json(statement, file);
            }
        }
        out.printf(
                "exported %d transfers and %d account statements to %s%n",
                statement.transfers().size(), statement.accounts().size(), target);
        return PASSED;
    }

    private static Selection selection(Map<String, String> options) {
        if (options.containsKey("account") == options.containsKey("ledger")) {
            throw new IllegalArgumentException("export needs exactly one of --account or --ledger");
        }
        return options.containsKey("account")
                ? Selection.account(options.get("account"))
                : Selection.ledger(options.get("ledger"));
    }

    private static Connection connect(Map<String, String> options, Map<String, String> env)
            throws SQLException {
        var url =
                options.getOrDefault("db-url", env.getOrDefault("LEDGERLINE_DB_URL", DEFAULT_URL));
        var user =
                options.getOrDefault("db-user", env.getOrDefault("LEDGERLINE_DB_USER", "postgres"));
        var password =
                options.getOrDefault("db-password", env.getOrDefault("LEDGERLINE_DB_PASSWORD", ""));
        return DriverManager.getConnection(url, user, password);
    }

    static Map<String, String> parse(String[] args, int start) {
        var options = new HashMap<String, String>();
        for (int i = start; i < args.length; i++) {
            var arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            var name = arg.substring(2);
            if (name.equals("skip-projection")) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for " + arg);
            }
        }
        return options;
    }

    private static long number(Map<String, String> options, String name, long fallback, long max) {
        var text = options.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text);
            if (value < 0 || value > max) {
                throw new IllegalArgumentException(
                        "--" + name + " must be between 0 and " + max + ": " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number: " + text);
        }
    }

    private static String required(Map<String, String> options, String name) {
        var value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("export needs --" + name);
        }
        return value;
    }
}
