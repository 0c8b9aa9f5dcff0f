package io.ledgerline.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.testsupport.TestPostgres;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.UUID;

/**
 * Migration 3 on a schema as version 2 left it, with plain secrets in it: each is sealed for its
 * row, the plain column is gone, and the sealed secret opens to what was stored.
 */
class SealWebhookSecretsTest {

    private final SecretSealer sealer =
            new SecretSealer(Base64.getEncoder().encodeToString(new byte[32]));

    @Test
    void existing_plain_secrets_are_sealed_and_the_plain_column_dropped() throws Exception {
        var schema = "seal_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var db = TestPostgres.database();
        try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            try (var statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
                statement.execute(versionOneAndTwo(schema));
                statement.execute("SET search_path TO " + schema);
            }
            insertPlain(connection, "whe_1", "whsec_first");
            insertPlain(connection, "whe_2", "whsec_second");

            new SealWebhookSecrets(sealer).migrate(context(connection));

            var sealed = new HashMap<String, String>();
            try (var statement = connection.createStatement();
                    var rows =
                            statement.executeQuery(
                                    "SELECT endpoint_id, secret_sealed FROM webhook_endpoints")) {
                while (rows.next()) {
                    sealed.put(rows.getString(1), rows.getString(2));
                }
            }
            assertThat(sealed).hasSize(2);
            assertThat(sealed.get("whe_1")).doesNotContain("first");
            assertThat(sealer.open("whe_1", sealed.get("whe_1"))).isEqualTo("whsec_first");
            assertThat(sealer.open("whe_2", sealed.get("whe_2"))).isEqualTo("whsec_second");
            assertThat(columns(connection, schema)).doesNotContain("secret");
            try (var statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static String versionOneAndTwo(String schema) throws IOException {
        var sql = new StringBuilder();
        for (var file : new String[] {"V1__notification_schema.sql", "V2__alerts.sql"}) {
            try (var in =
                    SealWebhookSecretsTest.class.getResourceAsStream("/db/migration/" + file)) {
                sql.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return sql.toString().replace("notification.", schema + ".");
    }

    private static void insertPlain(Connection connection, String endpointId, String secret)
            throws SQLException {
        try (var insert =
                connection.prepareStatement(
                        "INSERT INTO webhook_endpoints (endpoint_id, partner_id, url,"
                                + " alert_kinds, secret, created_at)"
                                + " VALUES (?, 'p', 'https://example.test/hook', '{LOW_CREDIT}',"
                                + " ?, now())")) {
            insert.setString(1, endpointId);
            insert.setString(2, secret);
            insert.executeUpdate();
        }
    }

    private static java.util.List<String> columns(Connection connection, String schema)
            throws SQLException {
        var names = new java.util.ArrayList<String>();
        try (var query =
                connection.prepareStatement(
                        "SELECT column_name FROM information_schema.columns"
                                + " WHERE table_schema = ? AND table_name = 'webhook_endpoints'")) {
            query.setString(1, schema);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }
}
