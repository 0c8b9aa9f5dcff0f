package io.ledgerline.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;

import javax.sql.DataSource;

/** What every service must show once started: a healthy actuator and its own migrated schema. */
public final class ServiceHealth {

    private ServiceHealth() {}

    /** Healthy on the whole and on the two groups Kubernetes probes (infra/k8s). */
    public static void assertHealthyWithOwnSchema(
            int port, DataSource dataSource, String schema, String owner) throws Exception {
        for (var path :
                new String[] {
                    "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"
                }) {
            var response =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create("http://127.0.0.1:" + port + path))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            assertTrue(response.body().contains("\"UP\""), path + ": " + response.body());
        }
        assertEquals(owner, schemaOwner(dataSource, schema));
    }

    private static String schemaOwner(DataSource dataSource, String schema) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement =
                        connection.prepareStatement(
                                "SELECT value FROM "
                                        + schema
                                        + ".service_info WHERE name = 'schema_owner'");
                var rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
