package io.ledgerline.infra.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * The local stack's fallback when no PostgreSQL answers: the binaries from Maven start on a data
 * directory that survives a restart, and the stack's database is created once.
 */
class LocalPostgresTest {

    @TempDir Path dataDirectory;

    @Test
    void creates_the_database_once_and_keeps_it_across_a_restart() throws Exception {
        int port = freePort();
        var url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";

        try (var ignored = LocalPostgres.start(port, dataDirectory.toFile())) {
            assertThat(EnsureDatabase.ensure(url, "postgres", "", "ledgerline")).isTrue();
            assertThat(EnsureDatabase.ensure(url, "postgres", "", "ledgerline")).isFalse();
            writeRow(port);
        }

        try (var ignored = LocalPostgres.start(port, dataDirectory.toFile())) {
            assertThat(EnsureDatabase.ensure(url, "postgres", "", "ledgerline")).isFalse();
            assertThat(readRow(port)).isEqualTo("kept");
        }
    }

    private static void writeRow(int port) throws Exception {
        try (var connection = DriverManager.getConnection(ledgerlineUrl(port), "postgres", "");
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE probe (note text)");
            statement.execute("INSERT INTO probe VALUES ('kept')");
        }
    }

    private static String readRow(int port) throws Exception {
        try (var connection = DriverManager.getConnection(ledgerlineUrl(port), "postgres", "");
                var rows = connection.createStatement().executeQuery("SELECT note FROM probe")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String ledgerlineUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/ledgerline";
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
