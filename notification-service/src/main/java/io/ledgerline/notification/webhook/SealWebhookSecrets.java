package io.ledgerline.notification.webhook;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.util.LinkedHashMap;

/**
 * Flyway migration 3: webhook secrets stored in plain text until version 2 are sealed with the
 * service's key ({@link SecretSealer}) into {@code secret_sealed}, and the plain column is dropped.
 * A Java migration because the key lives in the service's configuration, not in the database;
 * Spring Boot hands every {@link JavaMigration} bean to Flyway. Tables are named without their
 * schema: Flyway runs migrations with the service's schema as the current one.
 */
@Component
class SealWebhookSecrets implements JavaMigration {

    private final SecretSealer sealer;

    SealWebhookSecrets(SecretSealer sealer) {
        this.sealer = sealer;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3");
    }

    @Override
    public String getDescription() {
        return "seal webhook secrets";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        var connection = context.getConnection();
        try (var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE webhook_endpoints ADD COLUMN secret_sealed text");
        }
        var plain = new LinkedHashMap<String, String>();
        try (var statement = connection.createStatement();
                var rows =
                        statement.executeQuery(
                                "SELECT endpoint_id, secret FROM webhook_endpoints")) {
            while (rows.next()) {
                plain.put(rows.getString(1), rows.getString(2));
            }
        }
        try (var update =
                connection.prepareStatement(
                        "UPDATE webhook_endpoints SET secret_sealed = ? WHERE endpoint_id = ?")) {
            for (var row : plain.entrySet()) {
                update.setString(1, sealer.seal(row.getKey(), row.getValue()));
                update.setString(2, row.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        try (var statement = connection.createStatement()) {
            statement.execute(
                    "ALTER TABLE webhook_endpoints ALTER COLUMN secret_sealed SET NOT NULL");
            statement.execute("ALTER TABLE webhook_endpoints DROP COLUMN secret");
            // A dropped column stays in the rows on disk; rewriting the table writes them without
            // it (an expression in USING forces the rewrite), so no plain secret stays in the heap.
            statement.execute(
                    "ALTER TABLE webhook_endpoints ALTER COLUMN secret_sealed TYPE text"
                            + " USING secret_sealed || ''");
        }
    }
}
