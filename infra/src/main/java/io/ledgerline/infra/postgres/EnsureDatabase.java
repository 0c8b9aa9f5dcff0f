package io.ledgerline.infra.postgres;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Creates the local stack's database when it is missing. Each service then migrates its own schema
 * with Flyway when it starts.
 *
 * <p>Usage: {@code EnsureDatabase <host> <port> <database> [user]}; the password comes from {@code
 * LEDGERLINE_DB_PASSWORD} (empty by default).
 */
public final class EnsureDatabase {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int ATTEMPTS = 30;
    private static final long RETRY_PAUSE_MS = 1_000;

    private EnsureDatabase() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: EnsureDatabase <host> <port> <database> [user]");
            System.exit(2);
        }
        var name = args[2];
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        var url = "jdbc:postgresql://" + args[0] + ":" + args[1] + "/postgres";
        var user = args.length > 3 ? args[3] : "postgres";
        var password = System.getenv().getOrDefault("LEDGERLINE_DB_PASSWORD", "");
        boolean created = ensure(url, user, password, name);
        System.out.println(created ? "created database " + name : "database " + name + " exists");
    }

    /** Retries while the server is still starting; returns whether it created the database. */
    static boolean ensure(String url, String user, String password, String name) throws Exception {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (var connection = DriverManager.getConnection(url, user, password)) {
                try (var query =
                        connection.prepareStatement(
                                "SELECT 1 FROM pg_database WHERE datname = ?")) {
                    query.setString(1, name);
                    if (query.executeQuery().next()) {
                        return false;
                    }
                }
                try (var statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + name);
                }
                return true;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(RETRY_PAUSE_MS);
            }
        }
        throw new IllegalStateException("PostgreSQL at " + url + " did not answer", last);
    }
}
